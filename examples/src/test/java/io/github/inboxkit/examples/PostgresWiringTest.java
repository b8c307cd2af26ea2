package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.conversation.MessageStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostgresWiringTest {

    @Test
    @DisplayName("F34 on PostgreSQL: migrate() applies the schema once, and the dispatcher runner sends the reply")
    void wiresOnPostgres() throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PostgresServer server = TestPostgres.freshDatabase(); HikariDataSource pool = server.pool("test", 4)) {
            PostgresWiring.Outcome first = PostgresWiring.run(pool, new PrintStream(printed, true, StandardCharsets.UTF_8));
            PostgresWiring.Outcome second = PostgresWiring.run(pool, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(first.migrationsApplied()).isPositive();
            assertThat(first.migrationsOnSecondCall()).isZero();
            assertThat(first.replyStatus()).isEqualTo(MessageStatus.SENT);
            assertThat(second.migrationsApplied()).isZero();
            assertThat(second.replyStatus()).isEqualTo(MessageStatus.SENT);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("POSTGRESQL: ", "exists already", "the carrier accepted 1 message(s)");
    }

    @Test
    @DisplayName("the PostgreSQL example's main starts its own PostgreSQL when given no URL, and returns normally")
    void mainRunsOnEmbeddedPostgres() throws InterruptedException {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            PostgresWiring.main(new String[0]);
        } finally {
            System.setOut(console);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("the reply is SENT");
    }
}
