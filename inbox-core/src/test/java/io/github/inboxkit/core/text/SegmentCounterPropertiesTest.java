package io.github.inboxkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the counter over generated texts, and a naive reference counter (the standard's
 * rules written as plainly as possible) that the fast one must agree with.
 */
class SegmentCounterPropertiesTest {

    private static final List<String> GSM_BASIC = codePoints(
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    private static final List<String> GSM_EXTENSION = codePoints("^{}\\[~]|€\f");
    private static final List<String> OTHER_BMP = codePoints("çжα中ñ`ÿ\t\u001BşıİğĞŞãõêôÁáÍíÓóÚúÂâÊÀªº∞");
    private static final List<String> SMART = codePoints("‘’“”–—…\u00A0\u2009\u200B\u3000«»‹›");
    private static final List<String> NATIONAL = codePoints("şŞıİğĞçãõêôÁáÍíÓóÚúÂâÊÀÃÕªº∞`€^|\\");
    private static final List<String> ASTRAL = List.of("😀", "👍", "🇫", "𝄞", "🙂");

    private static final SegmentCounter STANDARD = SegmentCounter.standard();
    private static final SegmentCounter SMART_COUNTER = SegmentCounter.builder().smartEncoding(true).build();
    private static final SegmentCounter TABLES =
            SegmentCounter.builder().nationalLanguageTables(NationalLanguage.values()).build();
    private static final SegmentCounter EVERYTHING = SegmentCounter.builder()
            .smartEncoding(true).nationalLanguageTables(NationalLanguage.values()).build();

    private static List<String> codePoints(String s) {
        List<String> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    // ---- generators ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> gsmTexts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(GSM_BASIC)),
                Tuple.of(1, Arbitraries.of(GSM_EXTENSION)));
        return piece.list().ofMaxSize(480).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.of(GSM_BASIC)),
                Tuple.of(6, Arbitraries.of(GSM_EXTENSION)),
                Tuple.of(1, Arbitraries.of(OTHER_BMP)),
                Tuple.of(1, Arbitraries.of(SMART)),
                Tuple.of(1, Arbitraries.of(ASTRAL)));
        Arbitrary<String> mostlyGsm = piece.list().ofMaxSize(420).map(pieces -> String.join("", pieces));
        Arbitrary<String> dense = Arbitraries.oneOf(Arbitraries.of(OTHER_BMP), Arbitraries.of(ASTRAL),
                        Arbitraries.of(GSM_BASIC), Arbitraries.of(SMART))
                .list().ofMaxSize(220).map(pieces -> String.join("", pieces));
        Arbitrary<String> national = Arbitraries.frequencyOf(
                        Tuple.of(12, Arbitraries.of(GSM_BASIC)),
                        Tuple.of(3, Arbitraries.of(NATIONAL)),
                        Tuple.of(1, Arbitraries.of(GSM_EXTENSION)))
                .list().ofMaxSize(400).map(pieces -> String.join("", pieces));
        return Arbitraries.oneOf(mostlyGsm, dense, national, gsmTexts());
    }

    @Provide
    Arbitrary<SegmentCounter> counters() {
        return Arbitraries.of(STANDARD, SMART_COUNTER, TABLES, EVERYTHING,
                SegmentCounter.builder().nationalLanguageTables(NationalLanguage.SPANISH).build(),
                SegmentCounter.builder().nationalLanguageTables(NationalLanguage.TURKISH).smartEncoding(true).build());
    }

    @Provide
    Arbitrary<String> characters() {
        return Arbitraries.oneOf(Arbitraries.of(GSM_BASIC), Arbitraries.of(GSM_EXTENSION),
                Arbitraries.of(OTHER_BMP), Arbitraries.of(SMART), Arbitraries.of(ASTRAL));
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Units a segment takes in the encoding and tables of {@code count}, counted char by char. */
    private static int unitsOf(String segment, SegmentCount count) {
        if (count.encoding() == Encoding.UCS_2) {
            return segment.length();
        }
        SeptetTable table = SeptetTable.of(
                count.lockingShiftTable().orElse(null), count.singleShiftTable().orElse(null));
        int units = 0;
        for (char c : segment.toCharArray()) {
            assertThat(table.costOf(c)).as("septets of U+%04X", (int) c).isPositive();
            units += table.costOf(c);
        }
        return units;
    }

    private static int firstUnitOf(String segment, SegmentCount count) {
        int end = Character.isHighSurrogate(segment.charAt(0)) ? 2 : 1;
        return unitsOf(segment.substring(0, end), count);
    }

    // ---- properties --------------------------------------------------------------------------

    @Property
    @Label("F25 the segments concatenate back to the text sent, exactly")
    void splitRoundTrips(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        assertThat(String.join("", count.segments())).isEqualTo(count.text());
        if (count.smartEncodingReplacements().isEmpty()) {
            assertThat(count.text()).isEqualTo(text);
        }
        assertThat(count.segments()).hasSize(count.segmentCount()).allSatisfy(s -> assertThat(s).isNotEmpty());
    }

    @Property
    @Label("F25 every segment fits its capacity and none splits a surrogate pair")
    void segmentsWithinCapacity(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        for (String segment : count.segments()) {
            assertThat(unitsOf(segment, count)).isBetween(1, count.segmentCapacity());
            assertThat(Character.isLowSurrogate(segment.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(segment.charAt(segment.length() - 1))).isFalse();
        }
    }

    @Property
    @Label("F25 segments are filled greedily: the next segment's first character did not fit")
    void segmentsAreFull(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        List<String> segments = count.segments();
        for (int i = 0; i + 1 < segments.size(); i++) {
            assertThat(unitsOf(segments.get(i), count) + firstUnitOf(segments.get(i + 1), count))
                    .isGreaterThan(count.segmentCapacity());
        }
    }

    @Property
    @Label("F25 the unit count is the sum of the segments' units")
    void unitCountIsSumOfSegments(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        int sum = count.segments().stream().mapToInt(s -> unitsOf(s, count)).sum();
        assertThat(count.unitCount()).isEqualTo(sum);
    }

    @Property
    @Label("F25 remaining units are the capacity less the last segment's units, within range")
    void remainingInRange(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        assertThat(count.remainingInSegment()).isBetween(0, count.segmentCapacity());
        if (count.segmentCount() > 0) {
            List<String> segments = count.segments();
            assertThat(count.remainingInSegment())
                    .isEqualTo(count.segmentCapacity() - unitsOf(segments.get(segments.size() - 1), count));
        }
    }

    @Property
    @Label("F25 appending a character never lowers the segment count")
    void appendingNeverLowers(@ForAll("texts") String text, @ForAll("characters") String next,
            @ForAll("counters") SegmentCounter counter) {
        assertThat(counter.count(text + next).segmentCount()).isGreaterThanOrEqualTo(counter.count(text).segmentCount());
    }

    @Property
    @Label("F24 GSM-only text is never UCS-2 and costs its septets")
    void gsmNeverUcs2(@ForAll("gsmTexts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(count.nonGsmCharacters()).isEmpty();
        assertThat(count.smartEncodingReplacements()).isEmpty();
        int extension = (int) text.chars().filter(c -> "^{}\\[~]|€\f".indexOf(c) >= 0).count();
        if (count.lockingShiftTable().isEmpty()) {
            assertThat(count.unitCount()).isEqualTo(text.length() + extension);
        }
    }

    @Property
    @Label("F24 text with a character outside every table is UCS-2 and names it")
    void nonGsmForcesUcs2(@ForAll("texts") String text, @ForAll("characters") String inserted,
            @ForAll @IntRange(min = 0, max = 1000) int where) {
        int at = text.offsetByCodePoints(0, Math.min(where, text.codePointCount(0, text.length())));
        String withIt = text.substring(0, at) + inserted + text.substring(at);
        SegmentCount count = STANDARD.count(withIt);
        boolean gsm = GSM_BASIC.contains(inserted) || GSM_EXTENSION.contains(inserted);
        if (!gsm) {
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(count.nonGsmCharacters()).contains(inserted);
        }
        assertThat(count.nonGsmCharacters()).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(GSM_BASIC.contains(c) || GSM_EXTENSION.contains(c)).isFalse());
        assertThat(count.nonGsmCharacters().isEmpty()).isEqualTo(count.encoding() == Encoding.GSM_7);
    }

    @Property
    @Label("F25 the character count is in code points; segments exist exactly when there is text")
    void characterCount(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        assertThat(count.characterCount()).isEqualTo(count.text().codePointCount(0, count.text().length()));
        assertThat(count.segmentCount() == 0).isEqualTo(count.text().isEmpty());
        if (count.encoding() == Encoding.UCS_2) {
            assertThat(count.unitCount()).isEqualTo(count.text().length());
        }
    }

    @Property
    @Label("F25 national tables never cost more segments than without them; smart encoding never costs more")
    void optionsNeverCostMore(@ForAll("texts") String text) {
        int standard = STANDARD.count(text).segmentCount();
        assertThat(TABLES.count(text).segmentCount()).isLessThanOrEqualTo(standard);
        assertThat(SMART_COUNTER.count(text).segmentCount()).isLessThanOrEqualTo(standard);
        assertThat(EVERYTHING.count(text).segmentCount()).isLessThanOrEqualTo(TABLES.count(text).segmentCount());
    }

    @Property
    @Label("F25 with tables, the pick is the cheapest: fewest segments, then fewest tables, then fewest septets")
    void picksCheapestCombination(@ForAll("texts") String text) {
        SegmentCount count = TABLES.count(text);
        int tables = (count.lockingShiftTable().isPresent() ? 1 : 0) + (count.singleShiftTable().isPresent() ? 1 : 0);
        for (NationalLanguage locking : new NationalLanguage[] {null, NationalLanguage.TURKISH, NationalLanguage.PORTUGUESE}) {
            for (NationalLanguage single : new NationalLanguage[] {null, NationalLanguage.TURKISH,
                    NationalLanguage.SPANISH, NationalLanguage.PORTUGUESE}) {
                SeptetTable table = SeptetTable.of(locking, single);
                if (text.isEmpty() || text.chars().anyMatch(c -> table.costOf((char) c) == 0)) {
                    continue;
                }
                assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
                long tally = Tally.septets(text, table);
                int segments = Tally.segments(tally);
                assertThat(count.segmentCount()).as("against %s", table).isLessThanOrEqualTo(segments);
                if (count.segmentCount() == segments) {
                    assertThat(tables).as("against %s", table).isLessThanOrEqualTo(table.tableCount);
                    if (tables == table.tableCount) {
                        assertThat(count.unitCount()).as("against %s", table).isLessThanOrEqualTo(Tally.total(tally));
                    }
                }
            }
        }
    }

    @Property
    @Label("F25 enabling more national languages never costs more segments")
    void moreLanguagesNeverCostMore(@ForAll("texts") String text) {
        for (NationalLanguage language : NationalLanguage.values()) {
            int one = SegmentCounter.builder().nationalLanguageTables(language).build().count(text).segmentCount();
            assertThat(TABLES.count(text).segmentCount()).isLessThanOrEqualTo(one);
            assertThat(one).isLessThanOrEqualTo(STANDARD.count(text).segmentCount());
        }
    }

    @Property
    @Label("F25 smart encoding yields GSM 7-bit whenever it replaces anything")
    void smartReplacesOnlyIntoGsm(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        if (!count.smartEncodingReplacements().isEmpty()) {
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.segmentsSavedBySmartEncoding())
                    .isEqualTo(SegmentCounter.builder()
                            .nationalLanguageTables(counter.nationalLanguageTables())
                            .build().count(text).segmentCount() - count.segmentCount());
        } else {
            assertThat(count.segmentsSavedBySmartEncoding()).isZero();
        }
    }

    @Property
    @Label("F25 the standard counter agrees with a plain reference counter")
    void agreesWithReference(@ForAll("texts") String text) {
        SegmentCount count = STANDARD.count(text);
        Reference reference = Reference.count(text);
        assertThat(count.encoding()).isEqualTo(reference.encoding);
        assertThat(count.unitCount()).isEqualTo(reference.units);
        assertThat(count.segmentCount()).isEqualTo(reference.segments.size());
        assertThat(count.segments()).isEqualTo(reference.segments);
    }

    @Property
    @Label("F25 an unpaired surrogate anywhere is malformed text at its index")
    void loneSurrogateIsMalformed(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 1000) int where,
            @ForAll("counters") SegmentCounter counter, @ForAll boolean high) {
        int at = text.offsetByCodePoints(0, Math.min(where, text.codePointCount(0, text.length())));
        // A high surrogate before a code point that is not a low surrogate, or a low one after a
        // complete code point, can pair with nothing.
        String lone = high ? "\uD83D" : "\uDE00";
        String broken = text.substring(0, at) + lone + text.substring(at);
        if (high && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            return; // cannot happen: at is a code point boundary
        }
        assertThatThrownBy(() -> counter.count(broken))
                .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.index()).isEqualTo(at));
    }

    @Example
    @Label("F25 a boundary case: text ending with an escape right at the single message limit")
    void escapeAtSingleLimit() {
        assertThat(STANDARD.count("a".repeat(159) + "]").segments()).containsExactly("a".repeat(153), "a".repeat(6) + "]");
    }

    /** The rules written plainly: sets of characters, a greedy split, no tricks. */
    static final class Reference {
        final Encoding encoding;
        final int units;
        final List<String> segments;

        private Reference(Encoding encoding, int units, List<String> segments) {
            this.encoding = encoding;
            this.units = units;
            this.segments = segments;
        }

        static Reference count(String text) {
            Set<String> basic = new HashSet<>(GSM_BASIC);
            Set<String> extension = new HashSet<>(GSM_EXTENSION);
            List<String> characters = codePoints(text);
            boolean gsm = characters.stream().allMatch(c -> basic.contains(c) || extension.contains(c));
            List<Integer> costs = new ArrayList<>();
            for (String c : characters) {
                costs.add(gsm ? (extension.contains(c) ? 2 : 1) : c.length());
            }
            int units = costs.stream().mapToInt(Integer::intValue).sum();
            int single = gsm ? 160 : 70;
            int part = gsm ? 153 : 67;
            List<String> segments = new ArrayList<>();
            if (units > 0 && units <= single) {
                segments.add(text);
            } else if (units > single) {
                StringBuilder current = new StringBuilder();
                int used = 0;
                for (int i = 0; i < characters.size(); i++) {
                    if (used + costs.get(i) > part) {
                        segments.add(current.toString());
                        current.setLength(0);
                        used = 0;
                    }
                    current.append(characters.get(i));
                    used += costs.get(i);
                }
                segments.add(current.toString());
            }
            return new Reference(gsm ? Encoding.GSM_7 : Encoding.UCS_2, units, segments);
        }
    }
}
