package io.github.inboxkit.core.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces typographic look-alikes with the plain characters a GSM handset has: curly quotes,
 * dashes, the ellipsis, the many Unicode spaces, invisible formatting characters. Word processors
 * and phone keyboards insert these silently, and one of them is enough to switch a whole message
 * to UCS-2 and more than double its cost.
 *
 * <p>Every character it replaces is outside the GSM default alphabet, and every replacement is
 * in it (or in its extension table), so that the decision to replace is only a matter of whether
 * the rest of the text is GSM. Stateless; safe to use from any thread.
 */
final class SmartEncoder {

    /** Indexed by char; null where the char is kept. Covers up to U+FEFF (the byte order mark). */
    private static final String[] REPLACEMENTS = new String[0xFEFF + 1];

    static {
        map("'", '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u02BC', '\u00B4', '`');
        map("\"", '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u2036', '\u00AB', '\u00BB');
        map("<", '\u2039');
        map(">", '\u203A');
        map("-", '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2043');
        map("...", '\u2026');
        map("^", '\u02C6');
        map("~", '\u02DC');
        // No-break, fixed-width and ideographic spaces look like a space and are one to a reader.
        map(" ", '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
                '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000');
        // Invisible: zero-width space, word joiner, soft hyphen, byte order mark.
        map("", '\u200B', '\u2060', '\u00AD', '\uFEFF');
    }

    private SmartEncoder() {}

    private static void map(String replacement, char... originals) {
        for (char original : originals) {
            REPLACEMENTS[original] = replacement;
        }
    }

    /** The replacement for {@code c}, or null when smart encoding keeps it. */
    static String replacementOf(char c) {
        return c < REPLACEMENTS.length ? REPLACEMENTS[c] : null;
    }

    /** The result of {@link #apply}: the new text and what was replaced, in order of first use. */
    record Result(String text, List<SmartReplacement> replacements) {}

    /**
     * Replaces every look-alike in {@code text}.
     *
     * @return the result, or null when the text has nothing to replace
     */
    static Result apply(String text) {
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            if (replacementOf(text.charAt(i)) != null) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        Map<Character, int[]> counts = new LinkedHashMap<>();
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacementOf(c);
            if (replacement == null) {
                out.append(c);
            } else {
                out.append(replacement);
                counts.computeIfAbsent(c, key -> new int[1])[0]++;
            }
        }
        List<SmartReplacement> replacements = new ArrayList<>(counts.size());
        counts.forEach((c, n) -> replacements.add(new SmartReplacement(String.valueOf(c), replacementOf(c), n[0])));
        return new Result(out.toString(), List.copyOf(replacements));
    }
}
