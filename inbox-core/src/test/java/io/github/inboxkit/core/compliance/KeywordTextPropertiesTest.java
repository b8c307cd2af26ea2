package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties: the one-pass normalisation of ASCII texts is the patterns' normalisation, and every
 * text takes one or the other.
 */
class KeywordTextPropertiesTest {

    @Provide
    Arbitrary<String> asciiTexts() {
        // every ASCII character, control characters and the edges' punctuation included, weighted
        // towards what keyword replies hold
        return Arbitraries.oneOf(
                        Arbitraries.chars().range((char) 0, (char) 0x7f),
                        Arbitraries.of(' ', '\t', '\n', '\u000B', '\f', '\r', '.', '!', '-', 's', 'T', '0'))
                .list().ofMaxSize(20).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Property(tries = 2000)
    @Label("F18 F42 an ASCII text normalises in one pass exactly as through the patterns")
    void asciiFastPathIsThePatterns(@ForAll("asciiTexts") String text) {
        assertThat(KeywordText.normalizeAscii(text)).isEqualTo(KeywordText.normalizeByPatterns(text));
    }

    @Property(tries = 500)
    @Label("F18 F42 a text with a character beyond ASCII takes the patterns")
    void otherTextsTakeThePatterns(@ForAll("asciiTexts") String prefix, @ForAll char other) {
        String text = prefix + (char) Math.max(other, 0x80);
        assertThat(KeywordText.normalizeAscii(text)).isNull();
        assertThat(KeywordText.normalize(text)).isEqualTo(KeywordText.normalizeByPatterns(text));
    }
}
