package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MultiNodeDispatchTest {

    @Test
    @DisplayName("F19 F27 two nodes on one PostgreSQL submit every broadcast and scheduled message exactly once")
    void eachMessageSentOnce() throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        MultiNodeDispatch.Outcome outcome;
        try (PostgresServer server = TestPostgres.freshDatabase()) {
            outcome = MultiNodeDispatch.run(server, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        int expected = MultiNodeDispatch.BROADCAST_RECIPIENTS + MultiNodeDispatch.SCHEDULED_REMINDERS;
        assertThat(outcome.distinctMessages()).isEqualTo(expected);
        assertThat(outcome.submits()).as("submit calls the carrier received, repeats included").isEqualTo(expected);
        assertThat(outcome.sentByNodeA() + outcome.sentByNodeB()).isEqualTo(expected);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("accepted " + expected + " distinct messages");
    }
}
