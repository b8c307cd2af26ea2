package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property: a thread's preview skips the whitespace pattern only where the pattern changes nothing. */
class ThreadPreviewPropertiesTest {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of(' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', 'a', 'é'),
                        Arbitraries.chars())
                .list().ofMaxSize(30).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Property(tries = 2000)
    @Label("F1 a preview is the text stripped with each run of whitespace made one space, as the pattern makes it")
    void previewIsThePatterns(@ForAll("texts") String text) {
        String stripped = text.strip();
        String expected = WHITESPACE.matcher(stripped).replaceAll(" ");
        if (Threads.isFlat(stripped)) {
            assertThat(stripped).isEqualTo(expected);
        }
        if (!expected.isEmpty()) {
            // texts here are shorter than a preview's limit: nothing is cut
            assertThat(Threads.preview(text, List.of())).isEqualTo(expected);
        }
    }
}
