package io.github.inboxkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphemeClustersTest {

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
    private static final String RAINBOW_FLAG = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    private static final String FRANCE = "\uD83C\uDDEB\uD83C\uDDF7";
    private static final String GERMANY = "\uD83C\uDDE9\uD83C\uDDEA";
    private static final String E_ACUTE = "e\u0301";
    private static final String SCOTLAND =
            "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
    private static final String WOMAN_TECHNOLOGIST_MEDIUM = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB";

    private static final SegmentCounter GRAPHEMES = SegmentCounter.builder().graphemeClusters(true).build();

    static List<String> clusters(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = GraphemeClusters.end(text, i);
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }

    @Nested
    @DisplayName("cluster boundaries")
    class Boundaries {

        @ParameterizedTest
        @ValueSource(strings = {FAMILY, RAINBOW_FLAG, THUMBS_UP_MEDIUM, FRANCE, E_ACUTE, SCOTLAND,
            WOMAN_TECHNOLOGIST_MEDIUM, "\r\n", "\u1100\u1161\u11A8", "\uAC01", "\u2764\uFE0F", "a\u0308\u0301"})
        @DisplayName("F24 a flag, a ZWJ sequence, a skin tone, a tag sequence, combining marks, CR LF, Hangul are one cluster each")
        void oneCluster(String text) {
            assertThat(clusters(text)).containsExactly(text);
        }

        @Test
        @DisplayName("F24 regional indicators pair up from the start of a run: two flags, then a lone indicator")
        void flagsPairUp() {
            assertThat(clusters(FRANCE + GERMANY)).containsExactly(FRANCE, GERMANY);
            assertThat(clusters(FRANCE + GERMANY + "\uD83C\uDDEE"))
                    .containsExactly(FRANCE, GERMANY, "\uD83C\uDDEE");
        }

        @Test
        @DisplayName("F24 a joiner between letters joins nothing, a control character stands alone")
        void boundariesThatStay() {
            assertThat(clusters("a\u200Db")).containsExactly("a\u200D", "b");
            assertThat(clusters("a\u0001\u0301")).containsExactly("a", "\u0001", "\u0301");
            assertThat(clusters("ok " + FAMILY + "!")).containsExactly("o", "k", " ", FAMILY, "!");
        }

        @Test
        @DisplayName("F24 a prepended mark joins what follows it, a whole emoji sequence included")
        void prepend() {
            assertThat(clusters("\u0600" + FAMILY + "1")).containsExactly("\u0600" + FAMILY, "1");
        }
    }

    @Nested
    @DisplayName("segments that keep clusters whole")
    class Segments {

        private final String cyrillic65 = "ж".repeat(65);

        @Test
        @DisplayName("F25 the option is off by default and the standard count does not report it")
        void offByDefault() {
            SegmentCount count = SegmentCounter.standard().count("hello");
            assertThat(SegmentCounter.standard().graphemeClusters()).isFalse();
            assertThat(count.graphemeSegmentCount()).isEmpty();
            assertThat(count.graphemeRemainingInSegment()).isEmpty();
            assertThatThrownBy(count::graphemeSegments)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("graphemeClusters(true)");
        }

        @Test
        @DisplayName("F25 a flag at units 66-69 is cut by the standard split and moved whole by the grapheme split")
        void flagMovesWhole() {
            String text = cyrillic65 + FRANCE + "ж".repeat(10);
            SegmentCount count = GRAPHEMES.count(text);
            assertThat(count.segmentCount()).isEqualTo(2);
            assertThat(count.segments()).containsExactly(cyrillic65 + "\uD83C\uDDEB", "\uD83C\uDDF7" + "ж".repeat(10));
            assertThat(count.remainingInSegment()).isEqualTo(55);
            assertThat(count.graphemeSegmentCount()).hasValue(2);
            assertThat(count.graphemeSegments()).containsExactly(cyrillic65, FRANCE + "ж".repeat(10));
            assertThat(count.graphemeRemainingInSegment()).hasValue(53);
        }

        @Test
        @DisplayName("F25 keeping a flag whole can take one more segment than the standard count")
        void oneMoreSegment() {
            String text = cyrillic65 + FRANCE + cyrillic65; // 134 units: two full segments of 67
            SegmentCount count = GRAPHEMES.count(text);
            assertThat(count.segmentCount()).isEqualTo(2);
            assertThat(count.remainingInSegment()).isZero();
            assertThat(count.graphemeSegmentCount()).hasValue(3);
            assertThat(count.graphemeSegments()).containsExactly(cyrillic65, FRANCE + "ж".repeat(63), "жж");
            assertThat(count.graphemeRemainingInSegment()).hasValue(65);
        }

        @Test
        @DisplayName("F25 a family emoji, a skin tone and a combining accent are never cut")
        void sequencesNeverCut() {
            for (String cluster : List.of(FAMILY, THUMBS_UP_MEDIUM, E_ACUTE, RAINBOW_FLAG, SCOTLAND)) {
                for (int before = 55; before <= 67; before++) {
                    String text = "ж".repeat(before) + cluster + "ж".repeat(80);
                    SegmentCount count = GRAPHEMES.count(text);
                    assertThat(String.join("", count.graphemeSegments())).isEqualTo(text);
                    assertThat(count.graphemeSegments()).anySatisfy(part -> assertThat(part).contains(cluster));
                    assertThat(count.graphemeSegmentCount().getAsInt())
                            .isGreaterThanOrEqualTo(count.segmentCount());
                }
            }
        }

        @Test
        @DisplayName("F25 in GSM 7-bit, CR LF at the 153rd septet moves whole to the next segment")
        void crLfInGsm() {
            String text = "a".repeat(152) + "\r\n" + "a".repeat(10);
            SegmentCount count = GRAPHEMES.count(text);
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.segments().get(0)).endsWith("\r");
            assertThat(count.graphemeSegments()).containsExactly("a".repeat(152), "\r\n" + "a".repeat(10));
            assertThat(count.graphemeSegmentCount()).hasValue(2);
        }

        @Test
        @DisplayName("F25 a cluster longer than a segment is split between chars, as the standard split does")
        void clusterLongerThanASegment() {
            String text = "a" + "\u0301".repeat(100);
            SegmentCount count = GRAPHEMES.count(text);
            assertThat(count.segmentCount()).isEqualTo(2);
            assertThat(count.graphemeSegmentCount()).hasValue(2);
            assertThat(count.graphemeSegments()).isEqualTo(count.segments());
        }

        @Test
        @DisplayName("F25 with smart encoding the grapheme split is of the replaced text; empty text has no segment")
        void withSmartEncodingAndEmpty() {
            SegmentCounter both = SegmentCounter.builder().smartEncoding(true).graphemeClusters(true).build();
            SegmentCount count = both.count("It’s ready");
            assertThat(count.text()).isEqualTo("It's ready");
            assertThat(count.graphemeSegments()).containsExactly("It's ready");
            assertThat(count.graphemeSegmentCount()).hasValue(1);
            SegmentCount empty = GRAPHEMES.count("");
            assertThat(empty.graphemeSegmentCount()).hasValue(0);
            assertThat(empty.graphemeSegments()).isEmpty();
            assertThat(empty.graphemeRemainingInSegment()).hasValue(160);
            assertThat(both.toString()).contains("graphemeClusters=true");
            assertThat(GRAPHEMES.count("hi").toString()).contains("graphemeSegments=1");
        }
    }
}
