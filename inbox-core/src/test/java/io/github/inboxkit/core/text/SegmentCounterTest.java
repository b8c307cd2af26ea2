package io.github.inboxkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InboxException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentCounterTest {

    private static final SegmentCounter STANDARD = SegmentCounter.standard();

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Nested
    @DisplayName("GSM 7-bit")
    class Gsm {

        @Test
        @DisplayName("F25 160 GSM characters fit in one message with nothing left")
        void exactlyOneMessage() {
            SegmentCount count = STANDARD.count(repeat("a", 160));
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.segmentCount()).isEqualTo(1);
            assertThat(count.unitCount()).isEqualTo(160);
            assertThat(count.characterCount()).isEqualTo(160);
            assertThat(count.segmentCapacity()).isEqualTo(160);
            assertThat(count.remainingInSegment()).isZero();
            assertThat(count.segments()).containsExactly(repeat("a", 160));
        }

        @Test
        @DisplayName("F25 161 GSM characters take two segments of 153")
        void oneOverTheSingleMessage() {
            SegmentCount count = STANDARD.count(repeat("a", 161));
            assertThat(count.segmentCount()).isEqualTo(2);
            assertThat(count.segmentCapacity()).isEqualTo(153);
            assertThat(count.remainingInSegment()).isEqualTo(153 * 2 - 161);
            assertThat(count.segments()).containsExactly(repeat("a", 153), repeat("a", 8));
        }

        @Test
        @DisplayName("F25 153 x 2 septets fill two segments, one more starts a third")
        void twoFullSegments() {
            assertThat(STANDARD.count(repeat("b", 306)).segmentCount()).isEqualTo(2);
            assertThat(STANDARD.count(repeat("b", 306)).remainingInSegment()).isZero();
            SegmentCount three = STANDARD.count(repeat("b", 307));
            assertThat(three.segmentCount()).isEqualTo(3);
            assertThat(three.remainingInSegment()).isEqualTo(152);
            assertThat(STANDARD.count(repeat("b", 153 * 10)).segmentCount()).isEqualTo(10);
            assertThat(STANDARD.count(repeat("b", 153 * 10 + 1)).segmentCount()).isEqualTo(11);
        }

        @ParameterizedTest
        @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"})
        @DisplayName("F25 each extension character costs two septets")
        void extensionCharactersCostTwo(String character) {
            SegmentCount count = STANDARD.count(character);
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.unitCount()).isEqualTo(2);
            assertThat(count.characterCount()).isEqualTo(1);
            assertThat(count.remainingInSegment()).isEqualTo(158);
        }

        @Test
        @DisplayName("F25 € counts two septets toward the 160 of a single message")
        void euroCountsTwoAtTheLimit() {
            assertThat(STANDARD.count(repeat("a", 158) + "€").segmentCount()).isEqualTo(1);
            assertThat(STANDARD.count(repeat("a", 159) + "€").segmentCount()).isEqualTo(2);
            assertThat(STANDARD.count(repeat("€", 80)).unitCount()).isEqualTo(160);
            assertThat(STANDARD.count(repeat("€", 80)).segmentCount()).isEqualTo(1);
            assertThat(STANDARD.count(repeat("€", 81)).segmentCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("F25 an escape pair at septets 153/154 moves whole to the next segment")
        void escapeNeverStraddles() {
            String text = repeat("a", 152) + "€" + repeat("b", 10);
            SegmentCount count = STANDARD.count(text);
            assertThat(count.unitCount()).isEqualTo(164);
            assertThat(count.segmentCount()).isEqualTo(2);
            assertThat(count.segments()).containsExactly(repeat("a", 152), "€" + repeat("b", 10));
            assertThat(count.remainingInSegment()).isEqualTo(153 - 12);
        }

        @Test
        @DisplayName("F25 an escape pair ending exactly at septet 153 stays in the segment")
        void escapeFillsTheSegment() {
            SegmentCount count = STANDARD.count(repeat("a", 151) + "€" + repeat("b", 10));
            assertThat(count.segments()).containsExactly(repeat("a", 151) + "€", repeat("b", 10));
        }

        @Test
        @DisplayName("F25 the septet an escape wastes can add a segment: 306 septets taking 3")
        void wastedSeptetsCanAddASegment() {
            String text = repeat("a", 152) + "€" + repeat("a", 152);
            // 152 + 2 + 152 = 306 septets = 2 x 153, but the € cannot take septets 153/154.
            SegmentCount count = STANDARD.count(text);
            assertThat(count.unitCount()).isEqualTo(306);
            assertThat(count.segmentCount()).isEqualTo(3);
            assertThat(count.segments()).containsExactly(repeat("a", 152), "€" + repeat("a", 151), "a");
        }

        @Test
        @DisplayName("F24 Ç is in the GSM alphabet, ç is not")
        void cedilla() {
            assertThat(STANDARD.count("Ç").encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(STANDARD.count("Ç").unitCount()).isEqualTo(1);
            SegmentCount lower = STANDARD.count("Ça va, ça va");
            assertThat(lower.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(lower.nonGsmCharacters()).containsExactly("ç");
        }

        @Test
        @DisplayName("F24 the whole default alphabet is GSM: Greek capitals, accented letters, £ ¥ ¤ § ¡ ¿")
        void wholeDefaultAlphabet() {
            String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
            SegmentCount count = STANDARD.count(all);
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.unitCount()).isEqualTo(127);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ç", "á", "`", "α", "ж", "\u00A0", "’", "—", "…", "\u001B", "\t", "ı", "ã", "€€ж"})
        @DisplayName("F24 a character outside the GSM alphabet switches the message to UCS-2")
        void nonGsmSwitchesToUcs2(String text) {
            assertThat(STANDARD.count(text).encoding()).isEqualTo(Encoding.UCS_2);
        }

        @Test
        @DisplayName("F25 empty text is zero segments with a whole message left")
        void emptyText() {
            SegmentCount count = STANDARD.count("");
            assertThat(count.segmentCount()).isZero();
            assertThat(count.unitCount()).isZero();
            assertThat(count.characterCount()).isZero();
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.remainingInSegment()).isEqualTo(160);
            assertThat(count.segments()).isEmpty();
            assertThat(count.nonGsmCharacters()).isEmpty();
        }
    }

    @Nested
    @DisplayName("UCS-2")
    class Ucs2 {

        @Test
        @DisplayName("F24 70 UCS-2 units fit in one message, 71 take two segments of 67")
        void singleMessageLimit() {
            SegmentCount seventy = STANDARD.count(repeat("ж", 70));
            assertThat(seventy.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(seventy.segmentCount()).isEqualTo(1);
            assertThat(seventy.remainingInSegment()).isZero();
            assertThat(seventy.segmentCapacity()).isEqualTo(70);
            SegmentCount seventyOne = STANDARD.count(repeat("ж", 71));
            assertThat(seventyOne.segmentCount()).isEqualTo(2);
            assertThat(seventyOne.segmentCapacity()).isEqualTo(67);
            assertThat(seventyOne.remainingInSegment()).isEqualTo(67 * 2 - 71);
            assertThat(seventyOne.segments()).containsExactly(repeat("ж", 67), repeat("ж", 4));
            assertThat(STANDARD.count(repeat("ж", 134)).segmentCount()).isEqualTo(2);
            assertThat(STANDARD.count(repeat("ж", 135)).segmentCount()).isEqualTo(3);
        }

        @Test
        @DisplayName("F24 an emoji counts two UCS-2 units and one character")
        void emojiCountsTwo() {
            SegmentCount count = STANDARD.count("Hi 😀");
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(count.unitCount()).isEqualTo(5);
            assertThat(count.characterCount()).isEqualTo(4);
            assertThat(count.remainingInSegment()).isEqualTo(65);
            assertThat(count.nonGsmCharacters()).containsExactly("😀");
            assertThat(STANDARD.count(repeat("😀", 35)).segmentCount()).isEqualTo(1);
            assertThat(STANDARD.count(repeat("😀", 35) + "a").segmentCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("F25 an emoji at units 67/68 moves whole to the next segment")
        void surrogatePairNeverStraddles() {
            SegmentCount count = STANDARD.count(repeat("ж", 66) + "😀" + repeat("ж", 10));
            assertThat(count.unitCount()).isEqualTo(78);
            assertThat(count.segments()).containsExactly(repeat("ж", 66), "😀" + repeat("ж", 10));
            assertThat(count.remainingInSegment()).isEqualTo(67 - 12);
            SegmentCount fits = STANDARD.count(repeat("ж", 65) + "😀" + repeat("ж", 10));
            assertThat(fits.segments()).containsExactly(repeat("ж", 65) + "😀", repeat("ж", 10));
        }

        @Test
        @DisplayName("F25 the characters that forced UCS-2 are listed once each, in order of first appearance")
        void nonGsmCharactersInOrder() {
            SegmentCount count = STANDARD.count("ж😀 ok € ж ç😀 жç");
            assertThat(count.nonGsmCharacters()).containsExactly("ж", "😀", "ç");
            assertThat(STANDARD.count("plain GSM €").nonGsmCharacters()).isEmpty();
        }

        @Test
        @DisplayName("F25 the split of a long GSM text with one emoji is in UCS-2 and round-trips")
        void longMixedText() {
            String text = repeat("Hello world, ", 20) + "😀" + repeat("[x]", 10);
            SegmentCount count = STANDARD.count(text);
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(count.unitCount()).isEqualTo(text.length());
            assertThat(count.segmentCount()).isEqualTo((text.length() + 66) / 67);
            assertThat(String.join("", count.segments())).isEqualTo(text);
        }
    }

    @Nested
    @DisplayName("malformed text")
    class Malformed {

        @Test
        @DisplayName("F25 a lone high surrogate is a typed error that gives its index")
        void loneHighSurrogate() {
            assertThatThrownBy(() -> STANDARD.count("ab\uD83D"))
                    .isInstanceOf(MalformedTextException.class)
                    .isInstanceOf(InboxException.class)
                    .hasMessageContaining("index 2")
                    .satisfies(e -> {
                        MalformedTextException malformed = (MalformedTextException) e;
                        assertThat(malformed.index()).isEqualTo(2);
                        assertThat(malformed.codeUnit()).isEqualTo('\uD83D');
                    });
        }

        @Test
        @DisplayName("F25 a lone low surrogate, or a pair in the wrong order, is malformed")
        void loneLowSurrogate() {
            assertThatThrownBy(() -> STANDARD.count("\uDE00x"))
                    .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.index()).isZero());
            assertThatThrownBy(() -> STANDARD.count("ж😀\uDE00\uD83D"))
                    .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.index()).isEqualTo(3));
            assertThatThrownBy(() -> STANDARD.count("😀\uD83Dx"))
                    .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.index()).isEqualTo(2));
        }

        @Test
        @DisplayName("F25 pairs and lone surrogates are found at every position of a long text")
        void everyPosition() {
            for (String prefix : new String[] {"", "a", "ж"}) {
                for (int at = 0; at < 600; at++) {
                    String before = prefix + repeat("ж", at);
                    String text = before + "😀" + repeat("b", 40);
                    SegmentCount count = STANDARD.count(text);
                    assertThat(count.characterCount()).isEqualTo(text.length() - 1);
                    assertThat(String.join("", count.segments())).isEqualTo(text);
                    String broken = before + "\uD83D" + repeat("b", 40);
                    int index = before.length();
                    assertThatThrownBy(() -> STANDARD.count(broken))
                            .isInstanceOfSatisfying(MalformedTextException.class, e -> assertThat(e.index()).isEqualTo(index));
                }
            }
        }

        @Test
        @DisplayName("null is refused")
        void nullRefused() {
            assertThatThrownBy(() -> STANDARD.count(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("national language shift tables")
    class NationalTables {

        private final SegmentCounter all = SegmentCounter.builder()
                .nationalLanguageTables(NationalLanguage.values()).build();

        @Test
        @DisplayName("F25 tables are off by default")
        void offByDefault() {
            assertThat(STANDARD.nationalLanguageTables()).isEmpty();
            assertThat(STANDARD.count("Şişli'de buluşalım").encoding()).isEqualTo(Encoding.UCS_2);
        }

        @Test
        @DisplayName("F25 Turkish text stays GSM with the Turkish locking shift table and its header cost")
        void turkishLocking() {
            SegmentCounter turkish = SegmentCounter.builder().nationalLanguageTables(NationalLanguage.TURKISH).build();
            String text = "Şişli'de buluşalım mı?";
            SegmentCount count = turkish.count(text);
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.lockingShiftTable()).contains(NationalLanguage.TURKISH);
            assertThat(count.singleShiftTable()).isEmpty();
            assertThat(count.unitCount()).isEqualTo(text.length());
            // 140 octets less a 4-octet header (length + 3-octet locking shift element) = 155 septets.
            assertThat(count.segmentCapacity()).isEqualTo(155);
            assertThat(count.remainingInSegment()).isEqualTo(155 - text.length());
        }

        @Test
        @DisplayName("F25 a text with è cannot use the Turkish locking table and takes the single shift table")
        void turkishSingleShiftWhenLockingCannotWriteIt() {
            SegmentCounter turkish = SegmentCounter.builder().nationalLanguageTables(NationalLanguage.TURKISH).build();
            SegmentCount count = turkish.count("Crème brûlée"); // û is nowhere: UCS-2
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            SegmentCount ok = turkish.count("è ş");
            assertThat(ok.lockingShiftTable()).isEmpty();
            assertThat(ok.singleShiftTable()).contains(NationalLanguage.TURKISH);
            assertThat(ok.unitCount()).isEqualTo(4);
        }

        @Test
        @DisplayName("F25 Spanish uses its single shift table: accented vowels cost two septets")
        void spanishSingleShift() {
            SegmentCounter spanish = SegmentCounter.builder().nationalLanguageTables(NationalLanguage.SPANISH).build();
            SegmentCount count = spanish.count("¿Cómo estás? Mañana");
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.singleShiftTable()).contains(NationalLanguage.SPANISH);
            assertThat(count.lockingShiftTable()).isEmpty();
            assertThat(count.unitCount()).isEqualTo(19 + 2);
            assertThat(count.segmentCapacity()).isEqualTo(155);
        }

        @Test
        @DisplayName("F25 Portuguese uses its locking shift table when it is cheaper than the single shift")
        void portugueseLocking() {
            SegmentCounter portuguese =
                    SegmentCounter.builder().nationalLanguageTables(NationalLanguage.PORTUGUESE).build();
            SegmentCount count = portuguese.count("Não há ação sem emoção");
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.lockingShiftTable()).contains(NationalLanguage.PORTUGUESE);
            assertThat(count.unitCount()).isEqualTo(22);
        }

        @Test
        @DisplayName("F25 plain GSM text uses no table even when tables are enabled")
        void noTableWhenNotNeeded() {
            SegmentCount count = all.count("See you at 5pm [room 2]");
            assertThat(count.lockingShiftTable()).isEmpty();
            assertThat(count.singleShiftTable()).isEmpty();
            assertThat(count.segmentCapacity()).isEqualTo(160);
        }

        @Test
        @DisplayName("F25 a table is used for plain GSM text when it saves a segment: 81 € in Portuguese")
        void tableThatSavesASegment() {
            SegmentCounter portuguese =
                    SegmentCounter.builder().nationalLanguageTables(NationalLanguage.PORTUGUESE).build();
            SegmentCount count = portuguese.count(repeat("€", 81));
            assertThat(STANDARD.count(repeat("€", 81)).segmentCount()).isEqualTo(2);
            assertThat(count.segmentCount()).isEqualTo(1);
            assertThat(count.lockingShiftTable()).contains(NationalLanguage.PORTUGUESE);
            assertThat(count.unitCount()).isEqualTo(81);
            // The Turkish locking table has € at 0x04 too; on a tie of segments, tables and septets
            // either will do.
            assertThat(all.count(repeat("€", 81)).segmentCount()).isEqualTo(1);
            assertThat(all.count(repeat("€", 81)).lockingShiftTable()).isPresent();
        }

        @Test
        @DisplayName("F25 one table: 155 septets in one message, 149 per part")
        void capacitiesWithOneTable() {
            SegmentCounter turkish = SegmentCounter.builder().nationalLanguageTables(NationalLanguage.TURKISH).build();
            assertThat(turkish.count("ş" + repeat("a", 154)).segmentCount()).isEqualTo(1);
            SegmentCount two = turkish.count("ş" + repeat("a", 155));
            assertThat(two.segmentCount()).isEqualTo(2);
            assertThat(two.segmentCapacity()).isEqualTo(149);
            assertThat(two.remainingInSegment()).isEqualTo(149 * 2 - 156);
            assertThat(two.segments()).containsExactly("ş" + repeat("a", 148), repeat("a", 7));
        }

        @Test
        @DisplayName("F25 two tables: 152 septets in one message, 146 per part; the cheaper pair is chosen")
        void twoTables() {
            // ı exists only in Turkish tables, ê only in Portuguese ones: one locking, one single.
            String text = "ıııı ê";
            SegmentCount count = all.count(text);
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            // Turkish locking (ı = 1) + Portuguese single (ê = 2) = 7 beats the reverse (8 + 1 + 1 = 10).
            assertThat(count.lockingShiftTable()).contains(NationalLanguage.TURKISH);
            assertThat(count.singleShiftTable()).contains(NationalLanguage.PORTUGUESE);
            assertThat(count.unitCount()).isEqualTo(7);
            assertThat(count.segmentCapacity()).isEqualTo(152);
            SegmentCount longer = all.count(text + repeat("a", 152 - 7 + 1));
            assertThat(longer.segmentCount()).isEqualTo(2);
            assertThat(longer.segmentCapacity()).isEqualTo(146);
        }

        @Test
        @DisplayName("F25 when no combination writes every character, UCS-2 and the culprits outside plain GSM")
        void conflictingTables() {
            // ª is only in the Portuguese locking table, which has no è.
            SegmentCount count = all.count("ª è");
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(count.nonGsmCharacters()).containsExactly("ª");
            assertThat(all.count("ş 😀 ş").nonGsmCharacters()).containsExactly("😀");
        }
    }

    @Nested
    @DisplayName("smart encoding")
    class Smart {

        private final SegmentCounter smart = SegmentCounter.builder().smartEncoding(true).build();

        @Test
        @DisplayName("F24 smart encoding is off by default")
        void offByDefault() {
            assertThat(STANDARD.smartEncoding()).isFalse();
            assertThat(STANDARD.count("It’s").encoding()).isEqualTo(Encoding.UCS_2);
        }

        @Test
        @DisplayName("F24 smart encoding replaces curly quotes, dashes and the ellipsis to stay GSM")
        void replacesLookAlikes() {
            SegmentCount count = smart.count("It’s “great” — really… ‘ok’");
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.text()).isEqualTo("It's \"great\" - really... 'ok'");
            assertThat(count.segments()).containsExactly(count.text());
            assertThat(count.smartEncodingReplacements()).containsExactly(
                    new SmartReplacement("’", "'", 2),
                    new SmartReplacement("“", "\"", 1),
                    new SmartReplacement("”", "\"", 1),
                    new SmartReplacement("—", "-", 1),
                    new SmartReplacement("…", "...", 1),
                    new SmartReplacement("‘", "'", 1));
            assertThat(count.segmentsSavedBySmartEncoding()).isZero();
        }

        @Test
        @DisplayName("F24 smart encoding reports the segments it saved")
        void reportsSavings() {
            String text = repeat("a", 100) + "’";
            assertThat(STANDARD.count(text).segmentCount()).isEqualTo(2);
            SegmentCount count = smart.count(text);
            assertThat(count.segmentCount()).isEqualTo(1);
            assertThat(count.segmentsSavedBySmartEncoding()).isEqualTo(1);
        }

        @Test
        @DisplayName("F24 Unicode spaces become spaces and invisible characters are dropped")
        void spaces() {
            SegmentCount count = smart.count("a\u00A0b\u2009c\u200Bd\u3000e\uFEFF");
            assertThat(count.text()).isEqualTo("a b cd e");
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.characterCount()).isEqualTo(8);
        }

        @Test
        @DisplayName("F24 smart encoding leaves the text alone when UCS-2 is needed anyway")
        void noReplacementWhenStillUcs2() {
            SegmentCount count = smart.count("It’s 😀");
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(count.text()).isEqualTo("It’s 😀");
            assertThat(count.smartEncodingReplacements()).isEmpty();
            assertThat(count.nonGsmCharacters()).containsExactly("’", "😀");
        }

        @Test
        @DisplayName("F24 smart encoding does not replace when GSM would cost more segments")
        void noReplacementWhenItCostsMore() {
            // 70 ellipses: one UCS-2 message; as "..." 210 septets, two segments.
            SegmentCount count = smart.count(repeat("…", 70));
            assertThat(count.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(count.segmentCount()).isEqualTo(1);
            assertThat(count.smartEncodingReplacements()).isEmpty();
        }

        @Test
        @DisplayName("F24 smart encoding and national tables together")
        void withTables() {
            SegmentCounter both = SegmentCounter.builder()
                    .smartEncoding(true)
                    .nationalLanguageTables(NationalLanguage.SPANISH)
                    .build();
            SegmentCount count = both.count("“Sí” — mañana");
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.text()).isEqualTo("\"Sí\" - mañana");
            assertThat(count.singleShiftTable()).contains(NationalLanguage.SPANISH);
        }
    }

    @Nested
    @DisplayName("the result")
    class Result {

        @Test
        @DisplayName("F25 the count reads a StringBuilder once and is not changed by later edits")
        void snapshotsMutableInput() {
            StringBuilder draft = new StringBuilder("hello");
            SegmentCount count = STANDARD.count(draft);
            draft.append(" world 😀");
            assertThat(count.text()).isEqualTo("hello");
            assertThat(count.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(count.segments()).containsExactly("hello");
        }

        @Test
        @DisplayName("toString leaves the text out, equal counts are equal")
        void valueSemantics() {
            SegmentCount count = STANDARD.count("secret 1234");
            assertThat(count.toString()).doesNotContain("secret").contains("GSM_7");
            assertThat(count).isEqualTo(STANDARD.count(new StringBuilder("secret 1234")));
            assertThat(count).hasSameHashCodeAs(STANDARD.count("secret 1234"));
            assertThat(count).isNotEqualTo(STANDARD.count("secret 1235"));
        }

        @Test
        @DisplayName("the builder with no option gives the standard counter; a null language is refused")
        void builder() {
            assertThat(SegmentCounter.builder().build()).isSameAs(SegmentCounter.standard());
            assertThatThrownBy(() -> SegmentCounter.builder().nationalLanguageTables((NationalLanguage) null))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
