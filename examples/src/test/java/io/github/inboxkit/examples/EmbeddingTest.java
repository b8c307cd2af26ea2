package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding snippet is {@link Embedding}'s {@code main}, word for word (so the build
 * compiles the README's text), and it runs: the webhook through the front door, the inbox, the
 * reply sent and its delivery reports applied, and the shutdown.
 */
class EmbeddingTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "main", "java", "io", "github", "inboxkit", "examples",
            "Embedding.java");

    /** The Java code blocks of the README's "Embedding it" section, in order. */
    private static List<String> snippetBlocks() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Embedding it"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = section.indexOf("```java\n", at)) >= 0) {
            int end = section.indexOf("\n```", at);
            blocks.add(section.substring(at + "```java\n".length(), end));
            at = end + 4;
        }
        return blocks;
    }

    @Test
    @DisplayName("F45 the README's embedding snippet and its imports are Embedding's main and imports, word for word")
    void readmeIsTheCompiledExample() throws IOException {
        List<String> blocks = snippetBlocks();
        assertThat(blocks).as("the section shows the main body, then its imports").hasSize(2);
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String body = blocks.get(0).lines().map(line -> line.isEmpty() ? "" : "        " + line)
                .collect(Collectors.joining("\n"));
        String mainMethod = "    public static void main(String[] args) throws Exception {\n" + body + "\n    }\n";

        assertThat(source).as("Embedding.main is the README's snippet").contains(mainMethod);
        String imports = source.lines().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
        assertThat(blocks.get(1)).as("the README lists exactly Embedding's imports").isEqualTo(imports);
    }

    @Test
    @DisplayName("F12 F31 F45 the snippet runs: the webhook answered 200, the inbox listed, the reply sent and delivered, then shut down")
    void snippetRuns() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Embedding.main(new String[0]));
        } finally {
            System.setOut(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "event: MessageReceived",
                "webhook: HTTP 200 OK: 1 message(s) stored",
                "Can I come on Friday? (1 unread, badge 1)",
                "delivery reports: HTTP 200",
                "reply: DELIVERED");
    }
}
