package io.github.inboxkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tables against 3GPP TS 23.038 itself: positions read off the standard's tables (as hex
 * code points, so that a look-alike typed by mistake shows), and the header arithmetic of
 * TS 23.040.
 */
class SeptetTableTest {

    private static void assertPositions(String alphabet, Map<Integer, Integer> positionToCodePoint) {
        positionToCodePoint.forEach((position, codePoint) -> assertThat((int) alphabet.charAt(position))
                .as("position 0x%02X", position)
                .isEqualTo(codePoint));
    }

    @Test
    @DisplayName("F25 the default alphabet has 128 positions, escape at 0x1B, and the characters of clause 6.2.1")
    void defaultAlphabet() {
        String alphabet = SeptetTable.DEFAULT_ALPHABET;
        assertThat(alphabet).hasSize(128);
        assertPositions(alphabet, Map.ofEntries(
                Map.entry(0x00, 0x40), Map.entry(0x01, 0xA3), Map.entry(0x02, 0x24), Map.entry(0x03, 0xA5),
                Map.entry(0x04, 0xE8), Map.entry(0x07, 0xEC), Map.entry(0x09, 0xC7), Map.entry(0x0A, 0x0A),
                Map.entry(0x0B, 0xD8), Map.entry(0x0D, 0x0D), Map.entry(0x10, 0x394), Map.entry(0x11, 0x5F),
                Map.entry(0x12, 0x3A6), Map.entry(0x1A, 0x39E), Map.entry(0x1B, 0x1B), Map.entry(0x1C, 0xC6),
                Map.entry(0x1F, 0xC9), Map.entry(0x24, 0xA4), Map.entry(0x40, 0xA1), Map.entry(0x5B, 0xC4),
                Map.entry(0x5F, 0xA7), Map.entry(0x60, 0xBF), Map.entry(0x7E, 0xFC), Map.entry(0x7F, 0xE0)));
        // Only Ç, the capital, is in the default alphabet.
        assertThat(SeptetTable.DEFAULT.costOf('Ç')).isEqualTo(1);
        assertThat(SeptetTable.DEFAULT.costOf('ç')).isZero();
        assertThat(SeptetTable.DEFAULT.costOf('\u001B')).as("escape is not a character").isZero();
    }

    @Test
    @DisplayName("F25 the default extension table: form feed ^ { } \\ [ ~ ] | € at two septets, nothing else")
    void defaultExtension() {
        String writable = SeptetTable.DEFAULT.characters();
        assertThat(writable).hasSize(127 + 10);
        for (char c : "\f^{}\\[~]|€".toCharArray()) {
            assertThat(SeptetTable.DEFAULT.costOf(c)).as("U+%04X", (int) c).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("F25 Turkish locking shift (A.3.1) differs from the default at eight positions")
    void turkishLocking() {
        String turkish = SeptetTable.TURKISH_LOCKING;
        assertThat(turkish).hasSize(128);
        assertPositions(turkish, Map.of(0x04, 0x20AC, 0x07, 0x131, 0x0B, 0x11E, 0x0C, 0x11F,
                0x1C, 0x15E, 0x1D, 0x15F, 0x40, 0x130, 0x60, 0xE7));
        int differences = 0;
        for (int i = 0; i < 128; i++) {
            if (turkish.charAt(i) != SeptetTable.DEFAULT_ALPHABET.charAt(i)) {
                differences++;
            }
        }
        assertThat(differences).isEqualTo(8);
    }

    @Test
    @DisplayName("F25 Portuguese locking shift (A.3.3) positions")
    void portugueseLocking() {
        String portuguese = SeptetTable.PORTUGUESE_LOCKING;
        assertThat(portuguese).hasSize(128);
        assertPositions(portuguese, Map.ofEntries(
                Map.entry(0x04, 0xEA), Map.entry(0x06, 0xFA), Map.entry(0x07, 0xED), Map.entry(0x08, 0xF3),
                Map.entry(0x09, 0xE7), Map.entry(0x0B, 0xD4), Map.entry(0x0C, 0xF4), Map.entry(0x0E, 0xC1),
                Map.entry(0x0F, 0xE1), Map.entry(0x12, 0xAA), Map.entry(0x13, 0xC7), Map.entry(0x14, 0xC0),
                Map.entry(0x15, 0x221E), Map.entry(0x16, 0x5E), Map.entry(0x17, 0x5C), Map.entry(0x18, 0x20AC),
                Map.entry(0x19, 0xD3), Map.entry(0x1A, 0x7C), Map.entry(0x1C, 0xC2), Map.entry(0x1D, 0xE2),
                Map.entry(0x1E, 0xCA), Map.entry(0x24, 0xBA), Map.entry(0x40, 0xCD), Map.entry(0x5B, 0xC3),
                Map.entry(0x5C, 0xD5), Map.entry(0x5D, 0xDA), Map.entry(0x60, 0x7E), Map.entry(0x7B, 0xE3),
                Map.entry(0x7C, 0xF5), Map.entry(0x7D, 0x60), Map.entry(0x7E, 0xFC)));
    }

    @Test
    @DisplayName("F25 single shift tables (A.2.1 to A.2.3) hold exactly the standard's characters")
    void singleShiftTables() {
        assertThat(SeptetTable.TURKISH_SINGLE.codePoints().toArray()).containsExactly(
                0x0C, 0x5E, 0x7B, 0x7D, 0x5C, 0x5B, 0x7E, 0x5D, 0x7C,
                0x11E, 0x130, 0x15E, 0xE7, 0x20AC, 0x11F, 0x131, 0x15F);
        assertThat(SeptetTable.SPANISH_SINGLE.codePoints().toArray()).containsExactly(
                0xE7, 0x0C, 0x5E, 0x7B, 0x7D, 0x5C, 0x5B, 0x7E, 0x5D, 0x7C,
                0xC1, 0xCD, 0xD3, 0xDA, 0xE1, 0x20AC, 0xED, 0xF3, 0xFA);
        assertThat(SeptetTable.PORTUGUESE_SINGLE.codePoints().toArray()).containsExactly(
                0xEA, 0xE7, 0x0C, 0xD4, 0xF4, 0xC1, 0xE1, 0x3A6, 0x393, 0x5E, 0x3A9, 0x3A0, 0x3A8, 0x3A3,
                0x398, 0xCA, 0x7B, 0x7D, 0x5C, 0x5B, 0x7E, 0x5D, 0x7C, 0xC0, 0xCD, 0xD3, 0xDA, 0xC3, 0xD5,
                0xC2, 0x20AC, 0xED, 0xF3, 0xFA, 0xE3, 0xF5, 0xE2);
    }

    @ParameterizedTest(name = "{0} octets of information elements leave {1} septets")
    @CsvSource({"0, 160", "3, 155", "5, 153", "6, 152", "8, 149", "11, 146"})
    @DisplayName("F25 septets per segment are floor((140 - header octets) * 8 / 7), header = UDHL + elements")
    void capacity(int elementOctets, int septets) {
        assertThat(SeptetTable.septetCapacity(elementOctets)).isEqualTo(septets);
    }

    @Test
    @DisplayName("F25 every combination's capacities: no table 160/153, one table 155/149, two 152/146")
    void combinationCapacities() {
        assertThat(SeptetTable.DEFAULT.singleCapacity).isEqualTo(160);
        assertThat(SeptetTable.DEFAULT.concatenatedCapacity).isEqualTo(153);
        SeptetTable one = SeptetTable.of(null, NationalLanguage.SPANISH);
        assertThat(one.singleCapacity).isEqualTo(155);
        assertThat(one.concatenatedCapacity).isEqualTo(149);
        SeptetTable two = SeptetTable.of(NationalLanguage.PORTUGUESE, NationalLanguage.TURKISH);
        assertThat(two.singleCapacity).isEqualTo(152);
        assertThat(two.concatenatedCapacity).isEqualTo(146);
        assertThat(SeptetTable.of(NationalLanguage.TURKISH, NationalLanguage.TURKISH))
                .isSameAs(SeptetTable.of(NationalLanguage.TURKISH, NationalLanguage.TURKISH));
    }

    @Test
    @DisplayName("F25 a character in both the locking and the single shift table costs one septet")
    void basicWinsOverExtension() {
        SeptetTable portuguese = SeptetTable.of(NationalLanguage.PORTUGUESE, NationalLanguage.PORTUGUESE);
        assertThat(portuguese.costOf('ã')).isEqualTo(1);
        assertThat(portuguese.costOf('€')).isEqualTo(1);
        assertThat(portuguese.costOf('Φ')).as("not in the locking table, in the single shift").isEqualTo(2);
        assertThat(portuguese.costOf('è')).as("in neither").isZero();
    }
}
