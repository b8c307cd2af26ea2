package io.github.inboxkit.core.text;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.core.text.TextRepair;
import io.github.inboxkit.core.text.MalformedTextException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one policy for text at InboxKit's door, decided in the core so that every store keeps the
 * same text: the NUL character (U+0000), which PostgreSQL cannot store, and unpaired surrogates,
 * which are not well-formed UTF-16 (PostgreSQL's driver writes them as {@code ?}, H2 keeps them),
 * never reach a store.
 *
 * <ul>
 *   <li>Text a host or a user gives (drafts, templates, names, custom fields, search terms) is
 *       refused with a {@link MalformedTextException} naming the field, the character and its
 *       index: {@link #requireStorable}.
 *   <li>Text a carrier delivers is never refused, since a refused webhook is retried for ever: the
 *       offending characters are replaced by U+FFFD and the text is cut at a maximum length:
 *       {@link #repair}.
 * </ul>
 *
 * <p>Checks run where input comes in (use cases and input-only values), never on values read back
 * from a store, so that what an older version stored stays readable. Stateless and thread-safe.
 */
public final class TextPolicy {

    /** What replaces each character no store can keep in inbound text. */
    public static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private TextPolicy() {}

    /**
     * Refuses a text that holds a character no store can keep.
     *
     * @param text the text
     * @param field the field's name, for the exception
     * @return the text
     * @throws MalformedTextException at the first NUL or unpaired surrogate
     */
    public static String requireStorable(String text, String field) {
        int index = firstUnstorable(text);
        if (index >= 0) {
            throw new MalformedTextException(field, index, text.charAt(index));
        }
        return text;
    }

    /**
     * Finds the first character no store can keep.
     *
     * @param text the text
     * @return the index of the first NUL or unpaired surrogate, or -1 if there is none
     */
    public static int firstUnstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one character outside the Basic Multilingual Plane
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * A carrier's delivery report as a store can keep it: the NUL character and unpaired surrogates
     * of its message id and error code replaced by U+FFFD. A carrier retries a refused report for
     * ever, and an id repaired this way matches no message, so the report is kept as unmatched.
     *
     * @param report the report as the carrier's adapter parsed it
     * @return the same report when nothing needed a repair, else the repaired one
     */
    public static DeliveryReport storable(DeliveryReport report) {
        if (firstUnstorable(report.carrierMessageId()) < 0 && firstUnstorable(report.carrierErrorCode()) < 0) {
            return report;
        }
        return new DeliveryReport(repair(report.carrierMessageId(), Integer.MAX_VALUE).text(), report.status(),
                repair(report.carrierErrorCode(), Integer.MAX_VALUE).text(), report.occurredAt());
    }

    /**
     * Inbound text as a store keeps it, and what was changed.
     *
     * @param text the text to store
     * @param repairs what was changed; empty when the text is exactly as delivered
     */
    public record Repaired(String text, Set<TextRepair> repairs) {
        /** Copies the repairs. */
        public Repaired {
            repairs = repairs.isEmpty() ? Set.of() : Set.copyOf(repairs);
        }
    }

    /**
     * Repairs inbound text: cuts it to {@code maxLength} UTF-16 code units (one fewer when the cut
     * would fall between the two halves of a surrogate pair), then replaces each NUL and unpaired
     * surrogate by U+FFFD. Never fails.
     *
     * @param text the text as a carrier delivered it
     * @param maxLength the most UTF-16 code units to keep, at least 2
     * @return the text to store and the repairs made
     */
    public static Repaired repair(String text, int maxLength) {
        Set<TextRepair> repairs = EnumSet.noneOf(TextRepair.class);
        String kept = text;
        if (kept.length() > maxLength) {
            int end = maxLength;
            if (Character.isHighSurrogate(kept.charAt(end - 1)) && Character.isLowSurrogate(kept.charAt(end))) {
                end--;
            }
            kept = kept.substring(0, end);
            repairs.add(TextRepair.TRUNCATED);
        }
        int first = firstUnstorable(kept);
        if (first >= 0) {
            StringBuilder out = new StringBuilder(kept.length());
            out.append(kept, 0, first);
            for (int i = first; i < kept.length(); i++) {
                char c = kept.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < kept.length() && Character.isLowSurrogate(kept.charAt(i + 1))) {
                    out.append(c).append(kept.charAt(++i));
                } else if (c == '\u0000' || Character.isSurrogate(c)) {
                    out.append(REPLACEMENT_CHARACTER);
                } else {
                    out.append(c);
                }
            }
            kept = out.toString();
            repairs.add(TextRepair.MALFORMED_CHARACTERS_REPLACED);
        }
        return new Repaired(kept, repairs);
    }
}
