package io.github.inboxkit.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Counts what a text costs as SMS, exactly as 3GPP TS 23.038 and TS 23.040 say: GSM 7-bit when
 * every character is in the GSM alphabet (160 septets in one message, 153 per part of a
 * concatenated one, two septets for {@code ^ { } \ [ ~ ] | €} and form feed), UCS-2 otherwise
 * (70 and 67 UTF-16 code units). An escape pair or a surrogate pair is never split between
 * segments.
 *
 * <pre>{@code
 * SegmentCount count = SegmentCounter.standard().count("Your table for 4 is ready \u2014 see you soon");
 * count.encoding();            // UCS_2: the em dash is not GSM
 * count.nonGsmCharacters();    // ["\u2014"]
 *
 * SegmentCounter smart = SegmentCounter.builder().smartEncoding(true).build();
 * smart.count("... ready \u2014 see you").encoding();   // GSM_7, the dash sent as "-"
 * }</pre>
 *
 * <p>Two options change what the recipient receives, so both are off by default:
 * <ul>
 *   <li><b>Smart encoding</b> replaces typographic look-alikes (curly quotes, dashes, the
 *       ellipsis, Unicode spaces, the tab, invisible characters, fullwidth forms, small
 *       capitals; 274 in all, each only where the reader understands the same thing) with plain
 *       GSM characters, when doing so makes the text GSM 7-bit without costing more segments,
 *       or saves segments.
 *       The result then describes, and splits, the replaced text: the text to send.
 *   <li><b>National language shift tables</b> ({@link NationalLanguage}) let Turkish,
 *       Spanish or Portuguese characters stay in GSM 7-bit, at the price of header octets in every
 *       segment (3 per table: 155 septets in one message with one table, 149 per part, and so on).
 *       The counter tries every combination of the enabled locking and single shift tables and
 *       picks the one with the fewest segments, then the fewest tables, then the fewest septets.
 *       Any combination that writes the text takes no more segments than UCS-2 would, so UCS-2 is
 *       used only when none does.
 * </ul>
 * A third, {@link Builder#graphemeClusters grapheme clusters}, changes no figure of the standard
 * count: it adds the count of the split that never cuts a flag, an emoji sequence or a letter
 * from its accents, which is how Android and Twilio split (never fewer segments).
 *
 * <p>Instances are immutable and safe to share between threads; build one per configuration and
 * keep it.
 */
public final class SegmentCounter {

    private static final SegmentCounter STANDARD =
            new SegmentCounter(false, EnumSet.noneOf(NationalLanguage.class), false);

    private final boolean smartEncoding;
    private final boolean graphemeClusters;
    private final Set<NationalLanguage> languages;
    /** Every combination to try, the default one first, then by number of tables. */
    private final SeptetTable[] tables;
    /** Whether some enabled table has the char. */
    private final boolean[] writable;

    private SegmentCounter(boolean smartEncoding, Set<NationalLanguage> languages, boolean graphemeClusters) {
        this.smartEncoding = smartEncoding;
        this.graphemeClusters = graphemeClusters;
        this.languages = Collections.unmodifiableSet(EnumSet.copyOf(
                languages.isEmpty() ? EnumSet.noneOf(NationalLanguage.class) : languages));
        List<NationalLanguage> lockings = new ArrayList<>();
        List<NationalLanguage> singles = new ArrayList<>();
        lockings.add(null);
        singles.add(null);
        for (NationalLanguage language : languages) {
            if (language.hasLockingShiftTable()) {
                lockings.add(language);
            }
            singles.add(language);
        }
        List<SeptetTable> combinations = new ArrayList<>();
        for (NationalLanguage locking : lockings) {
            for (NationalLanguage single : singles) {
                combinations.add(SeptetTable.of(locking, single));
            }
        }
        combinations.sort((a, b) -> Integer.compare(a.tableCount, b.tableCount));
        this.tables = combinations.toArray(new SeptetTable[0]);
        this.writable = SeptetTable.union(tables);
    }

    /**
     * Returns the counter with no options: the GSM 03.38 default alphabet and extension table, or
     * UCS-2, exactly as given.
     *
     * @return a shared instance, safe to use from any thread
     */
    public static SegmentCounter standard() {
        return STANDARD;
    }

    /**
     * Starts configuring a counter with options.
     *
     * @return a new builder, with every option off
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether this counter replaces look-alikes to avoid UCS-2.
     *
     * @return {@code true} when smart encoding is on
     */
    public boolean smartEncoding() {
        return smartEncoding;
    }

    /**
     * Tells whether this counter also counts the split that keeps grapheme clusters whole.
     *
     * @return {@code true} when {@link SegmentCount#graphemeSegmentCount()} is reported
     */
    public boolean graphemeClusters() {
        return graphemeClusters;
    }

    /**
     * Returns the national languages whose shift tables this counter may use.
     *
     * @return an immutable set, empty by default
     */
    public Set<NationalLanguage> nationalLanguageTables() {
        return languages;
    }

    /**
     * Counts what {@code text} costs as SMS. The text is read once, at this call: a {@code String}
     * in place, any other {@code CharSequence} copied into one, so that a {@link StringBuilder}
     * changed afterwards does not change the result. Counting allocates nothing but the result
     * (and, with smart encoding, the replaced text when there is something to replace; with
     * grapheme clusters, a second result that carries their figures).
     *
     * @param text the text of a message, possibly empty
     * @return the count, with the split available from {@link SegmentCount#segments()}
     * @throws MalformedTextException if the text holds an unpaired surrogate
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if the text is longer than 2^30 - 1 chars (no message is)
     */
    public SegmentCount count(CharSequence text) {
        String input = Objects.requireNonNull(text, "text").toString();
        if (input.length() > Tally.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "text must be at most " + Tally.MAX_LENGTH + " chars, got " + input.length());
        }
        SegmentCount count = smartEncoding ? countSmart(input) : countAsGiven(input);
        return graphemeClusters ? count.withGraphemeClusters() : count;
    }

    private SegmentCount countSmart(String input) {
        SegmentCount asGiven = countAsGiven(input);
        if (asGiven.usesDefaultTable()) {
            // Every look-alike is outside the default alphabet: a text written with it has none.
            return asGiven;
        }
        SmartEncoder.Result replaced = SmartEncoder.apply(input);
        if (replaced == null) {
            return asGiven;
        }
        SegmentCount smart = countAsGiven(replaced.text());
        if (smart.encoding() != Encoding.GSM_7) {
            return asGiven;
        }
        int saved = asGiven.segmentCount() - smart.segmentCount();
        boolean worthIt = saved > 0 || (saved == 0 && asGiven.encoding() == Encoding.UCS_2);
        return worthIt ? smart.withSmartEncoding(replaced.replacements(), saved) : asGiven;
    }

    private SegmentCount countAsGiven(String text) {
        if (text.isEmpty()) {
            SeptetTable plain = SeptetTable.DEFAULT;
            return new SegmentCount(text, Encoding.GSM_7, 0, 0, 0, plain.singleCapacity, plain.singleCapacity,
                    plain, writable, List.of(), 0);
        }
        SeptetTable best = null;
        long bestTally = 0;
        int firstNonGsm = Integer.MAX_VALUE;
        for (SeptetTable table : tables) {
            if (best != null && cannotBeat(table, text.length(), best, Tally.segments(bestTally))) {
                continue;
            }
            long tally = Tally.septets(text, table);
            if (tally < 0) {
                boolean firstFailure = firstNonGsm == Integer.MAX_VALUE;
                firstNonGsm = Math.min(firstNonGsm, ~(int) tally);
                if (firstFailure && !canWriteFrom(text, firstNonGsm)) {
                    break; // a char no enabled table has, such as an emoji: every combination fails
                }
                continue;
            }
            if (best == null || isCheaper(tally, table, bestTally, best)) {
                best = table;
                bestTally = tally;
            }
        }
        if (best != null) {
            int segments = Tally.segments(bestTally);
            int capacity = best.capacity(segments);
            return new SegmentCount(text, Encoding.GSM_7, segments, Tally.total(bestTally), text.length(),
                    capacity, capacity - Tally.usedInLast(bestTally), best, writable, List.of(), 0);
        }
        // Every char before the first one no table could write is a single GSM char, which no
        // surrogate is: the UCS-2 walk may start there.
        long tally = Tally.ucs2(text, firstNonGsm);
        int segments = Tally.segments(tally);
        int capacity = segments == 1 ? Tally.UCS2_SINGLE_CAPACITY : Tally.UCS2_CONCATENATED_CAPACITY;
        return new SegmentCount(text, Encoding.UCS_2, segments, text.length(), text.length() - Tally.total(tally),
                capacity, capacity - Tally.usedInLast(tally), null, writable, List.of(), 0);
    }

    /**
     * Tells, before reading the text, that {@code table} cannot beat the best so far: even if every
     * char took one septet it would need as many segments, with more tables (combinations are
     * tried in order of table count). This keeps options nearly free on plain GSM text.
     */
    private static boolean cannotBeat(SeptetTable table, int length, SeptetTable best, int bestSegments) {
        int fewestSegments = length <= table.singleCapacity ? 1 : (length + table.concatenatedCapacity - 1)
                / table.concatenatedCapacity;
        return fewestSegments > bestSegments
                || (fewestSegments == bestSegments && table.tableCount > best.tableCount);
    }

    /** Whether some enabled table can write every char from {@code from} on (not necessarily one table). */
    private boolean canWriteFrom(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!writable[text.charAt(i)]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCheaper(long tally, SeptetTable table, long bestTally, SeptetTable best) {
        int segments = Tally.segments(tally);
        int bestSegments = Tally.segments(bestTally);
        if (segments != bestSegments) {
            return segments < bestSegments;
        }
        if (table.tableCount != best.tableCount) {
            return table.tableCount < best.tableCount;
        }
        return Tally.total(tally) < Tally.total(bestTally);
    }

    @Override
    public String toString() {
        return "SegmentCounter[smartEncoding=" + smartEncoding + ", nationalLanguageTables=" + languages
                + ", graphemeClusters=" + graphemeClusters + "]";
    }

    /**
     * Configures a {@link SegmentCounter}. Every option is off until set.
     *
     * <p>Not safe for use by several threads at once; the counter it builds is.
     */
    public static final class Builder {

        private boolean smartEncoding;
        private boolean graphemeClusters;
        private final Set<NationalLanguage> languages = EnumSet.noneOf(NationalLanguage.class);

        private Builder() {}

        /**
         * Turns smart encoding on or off: replacing typographic look-alikes with GSM characters
         * when that keeps the text out of UCS-2.
         *
         * @param enabled {@code true} to replace
         * @return this builder
         */
        public Builder smartEncoding(boolean enabled) {
            this.smartEncoding = enabled;
            return this;
        }

        /**
         * Turns on or off the second count, of the split that keeps grapheme clusters whole (what
         * a reader sees as one character: a flag, a family emoji, an emoji with a skin tone, a
         * letter with combining accents), as Android and Twilio split. The standard count stays
         * as it is; the other is reported beside it by {@link SegmentCount#graphemeSegmentCount()}.
         * It costs a walk over the text by code point, so it is off by default.
         *
         * @param enabled {@code true} to count both
         * @return this builder
         */
        public Builder graphemeClusters(boolean enabled) {
            this.graphemeClusters = enabled;
            return this;
        }

        /**
         * Sets the national languages whose shift tables may be used, replacing any set before.
         * Only enable languages the recipients' handsets support.
         *
         * @param enabled the languages, possibly none
         * @return this builder
         * @throws NullPointerException if the array or one of its elements is null
         */
        public Builder nationalLanguageTables(NationalLanguage... enabled) {
            Objects.requireNonNull(enabled, "nationalLanguageTables");
            return nationalLanguageTables(List.of(enabled));
        }

        /**
         * Sets the national languages whose shift tables may be used, replacing any set before.
         *
         * @param enabled the languages, possibly none
         * @return this builder
         * @throws NullPointerException if the collection or one of its elements is null
         */
        public Builder nationalLanguageTables(Collection<NationalLanguage> enabled) {
            Objects.requireNonNull(enabled, "nationalLanguageTables");
            for (NationalLanguage language : enabled) {
                Objects.requireNonNull(language, "nationalLanguageTables must not contain null");
            }
            languages.clear();
            languages.addAll(enabled);
            return this;
        }

        /**
         * Builds the counter.
         *
         * @return an immutable counter, safe to share between threads
         */
        public SegmentCounter build() {
            if (!smartEncoding && languages.isEmpty() && !graphemeClusters) {
                return STANDARD;
            }
            return new SegmentCounter(smartEncoding, languages, graphemeClusters);
        }
    }
}
