package io.github.inboxkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants of the split that keeps grapheme clusters whole, over generated texts full of what
 * gets cut: flags, emoji sequences, skin tones, combining marks, CR LF, escape characters.
 */
class GraphemeSegmentsPropertiesTest {

    private static final List<String> GSM = List.of("a", "b", "Z", "9", " ", ".", "é", "Ñ", "\r", "\n", "€", "[",
            "^", "\f");
    private static final List<String> OTHER = List.of("ж", "中", "ç", "’", "—", "\u00A0", "\t", "😀", "𝄞", "ş");
    private static final List<String> CLUSTER_PARTS = List.of(
            "\u200D", "\u0301", "\u0308", "\uFE0F", "\uD83C\uDFFD", "\uD83C\uDDEB", "\uD83C\uDDF7", "\uD83C\uDDE9",
            "\uD83D\uDC68", "\uD83D\uDC69", "\uD83C\uDFF3", "\uD83C\uDF08", "\u2764", "\u1100", "\u1161", "\u11A8",
            "\uAC00", "\uAC01", "\r\n", "\u0600", "\u0903", "\u0E33", "\uDB40\uDC67", "\uD83C\uDFF4", "\u200C");
    private static final List<String> WHOLE = List.of(
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDEB\uD83C\uDDF7", "e\u0301", "\u2764\uFE0F");

    private static final Pattern EXTENDED_GRAPHEME = Pattern.compile("\\X");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.of(GSM)),
                Tuple.of(4, Arbitraries.of(OTHER)),
                Tuple.of(4, Arbitraries.of(CLUSTER_PARTS)),
                Tuple.of(3, Arbitraries.of(WHOLE)));
        Arbitrary<String> gsmHeavy = Arbitraries.frequencyOf(
                        Tuple.of(40, Arbitraries.of(GSM)),
                        Tuple.of(1, Arbitraries.of(List.of("\r\n", "\u0301"))))
                .list().ofMaxSize(420).map(pieces -> String.join("", pieces));
        return Arbitraries.oneOf(piece.list().ofMaxSize(260).map(pieces -> String.join("", pieces)), gsmHeavy);
    }

    @Provide
    Arbitrary<SegmentCounter> counters() {
        return Arbitraries.of(
                SegmentCounter.builder().graphemeClusters(true).build(),
                SegmentCounter.builder().graphemeClusters(true).smartEncoding(true).build(),
                SegmentCounter.builder().graphemeClusters(true).smartEncoding(true)
                        .nationalLanguageTables(NationalLanguage.values()).build());
    }

    private static SegmentCounter withoutGraphemes(SegmentCounter counter) {
        return SegmentCounter.builder()
                .smartEncoding(counter.smartEncoding())
                .nationalLanguageTables(counter.nationalLanguageTables())
                .build();
    }

    /** Indexes where a cluster starts, the text's end included. */
    private static Set<Integer> clusterBoundaries(String text) {
        Set<Integer> boundaries = new HashSet<>();
        boundaries.add(0);
        for (int i = 0; i < text.length(); ) {
            i = GraphemeClusters.end(text, i);
            boundaries.add(i);
        }
        return boundaries;
    }

    private static List<Integer> innerBoundaries(List<String> parts) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < parts.size() - 1; i++) {
            at += parts.get(i).length();
            out.add(at);
        }
        return out;
    }

    private static int units(SegmentCount count, String part) {
        if (count.encoding() == Encoding.UCS_2) {
            return part.length();
        }
        SeptetTable table = SeptetTable.of(count.lockingShiftTable().orElse(null),
                count.singleShiftTable().orElse(null));
        int units = 0;
        for (int i = 0; i < part.length(); i++) {
            units += table.costOf(part.charAt(i));
        }
        return units;
    }

    @Property
    @Label("F25 the grapheme count is never below the standard count, whose figures the option leaves alone")
    void neverFewerAndStandardUnchanged(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        SegmentCount standard = withoutGraphemes(counter).count(text);
        assertThat(count.graphemeSegmentCount()).isPresent();
        assertThat(count.graphemeSegmentCount().getAsInt()).isGreaterThanOrEqualTo(count.segmentCount());
        assertThat(standard.graphemeSegmentCount()).isEmpty();
        assertThat(count.text()).isEqualTo(standard.text());
        assertThat(count.encoding()).isEqualTo(standard.encoding());
        assertThat(count.segmentCount()).isEqualTo(standard.segmentCount());
        assertThat(count.unitCount()).isEqualTo(standard.unitCount());
        assertThat(count.remainingInSegment()).isEqualTo(standard.remainingInSegment());
        assertThat(count.segments()).isEqualTo(standard.segments());
    }

    @Property
    @Label("F25 when no cluster straddles a standard boundary, both counts and both splits are the same")
    void equalWhenNothingStraddles(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        Set<Integer> clusters = clusterBoundaries(count.text());
        boolean straddles = !clusters.containsAll(innerBoundaries(count.segments()));
        if (!straddles) {
            assertThat(count.graphemeSegmentCount()).hasValue(count.segmentCount());
            assertThat(count.graphemeSegments()).isEqualTo(count.segments());
            assertThat(count.graphemeRemainingInSegment()).hasValue(count.remainingInSegment());
        }
    }

    @Property
    @Label("F25 the grapheme split round-trips, fits the capacity and cuts a cluster only when it is longer than a segment")
    void graphemeSplitIsSound(@ForAll("texts") String text, @ForAll("counters") SegmentCounter counter) {
        SegmentCount count = counter.count(text);
        List<String> parts = count.graphemeSegments();
        assertThat(String.join("", parts)).isEqualTo(count.text());
        assertThat(parts).hasSize(count.graphemeSegmentCount().getAsInt());
        assertThat(parts).allSatisfy(part -> assertThat(part).isNotEmpty());
        int capacity = count.segmentCapacity();
        for (String part : parts) {
            assertThat(units(count, part)).isLessThanOrEqualTo(capacity);
        }
        if (!parts.isEmpty()) {
            assertThat(count.graphemeRemainingInSegment())
                    .hasValue(capacity - units(count, parts.get(parts.size() - 1)));
        }
        Set<Integer> clusters = clusterBoundaries(count.text());
        for (int boundary : innerBoundaries(parts)) {
            if (!clusters.contains(boundary)) {
                int start = boundary;
                while (!clusters.contains(start)) {
                    start--;
                }
                String cluster = count.text().substring(start, GraphemeClusters.end(count.text(), start));
                assertThat(units(count, cluster)).as("a cut cluster").isGreaterThan(capacity);
            }
        }
    }

    @Property
    @Label("F24 cluster boundaries agree with the Java platform's extended grapheme clusters (regex \\X)")
    void agreesWithThePlatform(@ForAll("texts") String generated) {
        // Java 17's \X ends a cluster that starts with a prepended mark (U+0600) before an emoji
        // ZWJ sequence ends; UAX #29 (GB9b, GB11) keeps it whole, as the counter does.
        String text = generated.replace("\u0600", "");
        List<Integer> ours = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            i = GraphemeClusters.end(text, i);
            ours.add(i);
        }
        List<Integer> platform = new ArrayList<>();
        Matcher matcher = EXTENDED_GRAPHEME.matcher(text);
        while (matcher.find()) {
            platform.add(matcher.end());
        }
        assertThat(ours).isEqualTo(platform);
    }
}
