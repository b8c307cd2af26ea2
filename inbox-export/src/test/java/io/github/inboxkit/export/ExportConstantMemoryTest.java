package io.github.inboxkit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F39's constant memory, shown rather than claimed: an H2 database file holds {@link #MESSAGES}
 * messages of some 650 characters (twice the child's heap once written as CSV or JSON Lines), and a
 * child JVM with a {@value #HEAP} heap exports them all to a stream that counts and drops the bytes. If the export
 * held its rows or its output, or if a page sorted every row after the cursor, the child would run
 * out of heap and exit with an error. The 1,000,000-message run is the same test with {@code
 * -Dexport.messages=1000000} (see docs/performance.md).
 */
class ExportConstantMemoryTest {

    /** How many messages: 50,000 in the build (about 35 MB of CSV), any number with -Dexport.messages. */
    static final int MESSAGES = Integer.getInteger("export.messages", 50_000);

    /** The child JVM's heap: less than half of what the export writes, and of its rows as objects. */
    static final String HEAP = "-Xmx16m";

    private static final AccountId ACCOUNT = AccountId.of("acct-export-memory");

    @TempDir
    static Path directory;

    private static String url;

    @BeforeAll
    static void fill() throws SQLException {
        // a small page cache, so that the child's heap holds the export, not the database
        String file = "jdbc:h2:file:" + directory.resolve("export").toAbsolutePath();
        url = file + ";CACHE_SIZE=4096";
        ReceivedMessage first;
        try (JdbcInboxStore store = JdbcInboxStore.builder(file, "sa", "").build()) {
            store.migrate();
            InboxKit kit = InboxKit.builder().store(store).build();
            kit.administration().createAccount(ACCOUNT, "Export memory", AccountSettings.builder().defaultRegion("FR").build());
            first = kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId("first")
                    .contactNumber("+33612345678").accountNumber("+33700000001").text("first").build());
        }
        try (Connection connection = DriverManager.getConnection(file, "sa", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (account_id, message_id,"
                        + " conversation_id, sequence, phone_e164, direction, body, body_lower, media, status, is_read,"
                        + " author_id, created_at)"
                        + " SELECT CAST(? AS VARCHAR), RANDOM_UUID(), CAST(? AS UUID), X + 1, CAST(? AS VARCHAR), 'OUTBOUND',"
                        + " 'Reply number ' || X || ', with \"quotes\", a comma and a line\nbreak. ' || REPEAT('Your order has shipped. ', 25),"
                        + " 'reply', '[]', 'DELIVERED', TRUE, 'alice', DATEADD(MILLISECOND, X, CAST(? AS TIMESTAMP WITH TIME ZONE))"
                        + " FROM SYSTEM_RANGE(1, ?)")) {
            insert.setString(1, ACCOUNT.value());
            insert.setObject(2, first.conversation().id().value());
            insert.setString(3, "+33612345678");
            insert.setObject(4, java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"));
            insert.setInt(5, MESSAGES - 1);
            insert.executeUpdate();
        }
    }

    @Test
    @DisplayName("F39 a child JVM with a 16 MB heap exports every message as CSV, several times its heap in bytes")
    void csvInSmallHeap() throws Exception {
        assertExportsEverything("csv");
    }

    @Test
    @DisplayName("F39 a child JVM with a 16 MB heap exports every message as JSON Lines, several times its heap in bytes")
    void jsonLinesInSmallHeap() throws Exception {
        assertExportsEverything("jsonl");
    }

    private static void assertExportsEverything(String format) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ExportMemoryProbe.class.getName(),
                url, ACCOUNT.value(), format))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        String[] figures = output.lines().reduce((first, last) -> last).orElseThrow().split(" ");
        long messages = Long.parseLong(figures[0]);
        long bytes = Long.parseLong(figures[1]);
        assertThat(messages).isEqualTo(MESSAGES);
        // the output alone would not fit in the heap: nothing of it was kept
        assertThat(bytes).isGreaterThan(MESSAGES * 600L).isGreaterThan(2 * 16L * 1024 * 1024);
    }
}
