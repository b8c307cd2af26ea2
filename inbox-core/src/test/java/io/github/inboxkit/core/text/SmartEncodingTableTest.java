package io.github.inboxkit.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The whole smart-encoding table, listed: every character replaced and its replacement, and the
 * look-alikes deliberately left alone because every GSM replacement would change what the text
 * says. A change to the table must change this list, and docs/smart-encoding.md with it.
 */
class SmartEncodingTableTest {

    /** Replacement by original char; filled by {@link #table()}. */
    private static final Map<Character, String> TABLE = new TreeMap<>();

    private static final SegmentCounter SMART = SegmentCounter.builder().smartEncoding(true).build();

    /**
     * Look-alikes a GSM replacement exists for elsewhere (other smart encoders replace them), left
     * alone here: each would change what the text says.
     */
    private static final String DECLINED =
            // vulgar fractions: "1½" would read "11/2"
            "\u00BC\u00BD\u00BE"
            // combining marks belong to the letter before them: n + combining tilde is ñ, not "n~"
            + "\u0302\u0303\u0313\u0314\u0326\u0330\u0332\u0334\u0337\u0338\u0347\u1DCD"
            + "\u20D2\u20D3\u20E5"
            // control characters are not text: dropping them, or making them spaces, hides a defect
            + "\u0000\u0003\u0004\u0010\u0011\u0012\u0013\u0014\u0017\u0019"
            + "\u0080\u008D\u0090\u009B\u009F"
            // operators whose circle or square is their meaning
            + "\u229B\u29C6";

    @BeforeAll
    static void table() {
        expected("", "\u00AD\u200B\u2060\uFEFF");
        expected(" ", "\u0009\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                + "\u200A\u202F\u205F\u3000");
        expected("!", "\u01C3\uFE15\uFE57\uFF01");
        expected("!!", "\u203C");
        expected("\"", "\u00AB\u00BB\u02BA\u02EE\u201C\u201D\u201E\u201F\u2033\u2036\u275D\u275E"
                + "\u301D\u301E\uFF02");
        expected("#", "\uFE5F\uFF03");
        expected("$", "\uFE69\uFF04");
        expected("%", "\uFE6A\uFF05");
        expected("&", "\uFE60\uFF06");
        expected("'", "\u0060\u00B4\u02B9\u02BB\u02BC\u02BD\u02C8\u02CA\u02CB\u2018\u2019\u201A"
                + "\u201B\u2032\u2035\u275B\u275C\uFF07\uFF40");
        expected("(", "\u2768\u276A\u27EE\u2985\uFE59\uFF08");
        expected(")", "\u2769\u276B\u27EF\u2986\uFE5A\uFF09");
        expected("*", "\u204E\u2217\u2722\u2723\u2724\u2725\u2731\u2732\u2733\u273A\u273B\u273C"
                + "\u273D\u2743\u2749\u274A\u274B\uFE61\uFF0A");
        expected("+", "\u02D6\uFE62\uFF0B");
        expected(",", "\u3001\uFE10\uFE11\uFE50\uFE51\uFF0C\uFF64");
        expected("-", "\u2010\u2011\u2012\u2013\u2014\u2015\u2022\u2043\u2212\u23BC\u23BD\uFE63"
                + "\uFF0D");
        expected(".", "\u2024\u3002\uFE52\uFF0E\uFF61");
        expected("..", "\u2025");
        expected("...", "\u2026\u22EF\uFE19");
        expected("/", "\u00F7\u2044\u2215\u29F8\uFF0F");
        expected("0", "\uFF10");
        expected("1", "\uFF11");
        expected("2", "\uFF12");
        expected("3", "\uFF13");
        expected("4", "\uFF14");
        expected("5", "\uFF15");
        expected("6", "\uFF16");
        expected("7", "\uFF17");
        expected("8", "\uFF18");
        expected("9", "\uFF19");
        expected(":", "\u02D0\u02F8\u2982\uA789\uFE13\uFF1A");
        expected(";", "\u204F\uFE14\uFE54\uFF1B");
        expected("<", "\u2039\uFE64\uFF1C");
        expected("=", "\uA78A\uFE66\uFF1D");
        expected(">", "\u203A\uFE65\uFF1E");
        expected("?", "\uFE16\uFE56\uFF1F");
        expected("@", "\uFE6B\uFF20");
        expected("A", "\u1D00\uFF21");
        expected("B", "\u0299\uFF22");
        expected("C", "\u1D04\uFF23");
        expected("D", "\u1D05\uFF24");
        expected("E", "\u1D07\uFF25");
        expected("F", "\uA730\uFF26");
        expected("G", "\u0262\uFF27");
        expected("H", "\u029C\uFF28");
        expected("I", "\u026A\uFF29");
        expected("J", "\u1D0A\uFF2A");
        expected("K", "\u1D0B\uFF2B");
        expected("L", "\u029F\uFF2C");
        expected("M", "\u1D0D\uFF2D");
        expected("N", "\u0274\uFF2E");
        expected("O", "\u1D0F\uFF2F");
        expected("P", "\u1D18\uFF30");
        expected("Q", "\uFF31");
        expected("R", "\u0280\uFF32");
        expected("S", "\uA731\uFF33");
        expected("T", "\u1D1B\uFF34");
        expected("U", "\u1D1C\uFF35");
        expected("V", "\u1D20\uFF36");
        expected("W", "\u1D21\uFF37");
        expected("X", "\uFF38");
        expected("Y", "\u028F\uFF39");
        expected("Z", "\u1D22\uFF3A");
        expected("[", "\uFF3B");
        expected("\\", "\u29F5\u29F9\uFE68\uFF3C");
        expected("\n", "\u2028\u2029");
        expected("]", "\uFF3D");
        expected("^", "\u02C6\uFF3E");
        expected("_", "\u2017\uFF3F");
        expected("a", "\uFF41");
        expected("b", "\uFF42");
        expected("c", "\uFF43");
        expected("d", "\uFF44");
        expected("e", "\uFF45");
        expected("f", "\uFF46");
        expected("g", "\uFF47");
        expected("h", "\uFF48");
        expected("i", "\uFF49");
        expected("j", "\uFF4A");
        expected("k", "\uFF4B");
        expected("l", "\uFF4C");
        expected("m", "\uFF4D");
        expected("n", "\uFF4E");
        expected("o", "\uFF4F");
        expected("p", "\uFF50");
        expected("q", "\uFF51");
        expected("r", "\uFF52");
        expected("s", "\uFF53");
        expected("t", "\uFF54");
        expected("u", "\uFF55");
        expected("v", "\uFF56");
        expected("w", "\uFF57");
        expected("x", "\uFF58");
        expected("y", "\uFF59");
        expected("z", "\uFF5A");
        expected("{", "\u2774\uFE5B\uFF5B");
        expected("|", "\u2223\u239C\u239F\u23B8\u23B9\u23D0\uFF5C");
        expected("}", "\u2775\uFE5C\uFF5D");
        expected("~", "\u02DC\u02F7\u223C\uFF5E");
    }

    private static void expected(String replacement, String originals) {
        for (char original : originals.toCharArray()) {
            assertThat(TABLE.put(original, replacement)).as("listed once: U+%04X", (int) original).isNull();
        }
    }

    @Test
    @DisplayName("F24 the smart-encoding table replaces exactly the listed characters, each as listed")
    void exactlyTheListedTable() {
        Map<Character, String> actual = new TreeMap<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String replacement = SmartEncoder.replacementOf((char) c);
            if (replacement != null) {
                actual.put((char) c, replacement);
            }
        }
        assertThat(actual).containsExactlyEntriesOf(TABLE);
        assertThat(TABLE).hasSize(274);
    }

    @Test
    @DisplayName("F24 every replaced character forces UCS-2 and every replacement is GSM 7-bit")
    void replacesOnlyNonGsmIntoGsm() {
        TABLE.forEach((original, replacement) -> {
            assertThat(SeptetTable.DEFAULT.costOf(original)).as("U+%04X is not GSM", (int) original).isZero();
            for (char c : replacement.toCharArray()) {
                assertThat(SeptetTable.DEFAULT.costOf(c)).as("replacement of U+%04X", (int) original).isPositive();
            }
        });
    }

    @Test
    @DisplayName("F24 each listed character alone in a text is sent as its replacement, in GSM 7-bit")
    void eachCharacterEndToEnd() {
        TABLE.forEach((original, replacement) -> {
            SegmentCount count = SMART.count("Hi" + original + "there");
            assertThat(count.encoding()).as("U+%04X", (int) original).isEqualTo(Encoding.GSM_7);
            assertThat(count.text()).isEqualTo("Hi" + replacement + "there");
            assertThat(count.smartEncodingReplacements())
                    .containsExactly(new SmartReplacement(String.valueOf(original), replacement, 1));
        });
    }

    @Test
    @DisplayName("F24 look-alikes whose replacement would change the meaning are left alone")
    void declined() {
        for (char c : DECLINED.toCharArray()) {
            assertThat(SmartEncoder.replacementOf(c)).as("U+%04X", (int) c).isNull();
            assertThat(SMART.count("1" + c + " ok").encoding()).as("U+%04X", (int) c).isEqualTo(Encoding.UCS_2);
        }
        assertThat(SMART.count("Add 1½ cups").text()).isEqualTo("Add 1½ cups");
        assertThat(SMART.count("Espan\u0303a").text()).isEqualTo("Espan\u0303a");
    }

    @Test
    @DisplayName("F24 single angle quotes keep their direction, low-9 quotes stay quotes, separators break lines")
    void whereMeaningDecides() {
        assertThat(SMART.count("\u2039oui\u203A").text()).isEqualTo("<oui>");
        assertThat(SMART.count("\u201Aja\u2018").text()).isEqualTo("'ja'");
        assertThat(SMART.count("line\u2028next\u2029end").text()).isEqualTo("line\nnext\nend");
        assertThat(SMART.count("a\tb").text()).isEqualTo("a b");
        assertThat(SMART.count("\uFF34\uFF4F\uFF4B\uFF59\uFF4F\uFF01").text()).isEqualTo("Tokyo!");
        assertThat(SMART.count("\u1D04\u1D0F\u1D0F\u029F").text()).isEqualTo("COOL");
    }

    @Test
    @DisplayName("F24 docs/smart-encoding.md lists every replaced and every declined character")
    void documented() throws IOException {
        Path doc = Path.of("..", "docs", "smart-encoding.md");
        String text = Files.readString(doc);
        List<Integer> listed = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\| U\\+([0-9A-F]{4}) \\|").matcher(text);
        while (matcher.find()) {
            listed.add(Integer.parseInt(matcher.group(1), 16));
        }
        List<Integer> expected = new ArrayList<>();
        TABLE.keySet().forEach(c -> expected.add((int) c));
        DECLINED.chars().sorted().forEach(expected::add);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    }
}
