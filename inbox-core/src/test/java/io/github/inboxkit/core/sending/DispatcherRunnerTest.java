package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DispatcherRunnerTest {

    /** The host's executor: the runner uses it and never shuts it down. */
    private final ScheduledExecutorService hostExecutor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutDownHostExecutor() {
        hostExecutor.shutdownNow();
    }

    @Test
    @DisplayName("F31 the runner drains a backlog on the host's executor without waiting for the interval, and stop leaves the executor to the host")
    void drainsBacklogOnHostExecutor() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(7);
        SendingFixture fixture = new SendingFixture(b -> b.dispatchBatchSize(2).listener(event -> {
            if (event instanceof InboxEvent.MessageStatusChanged changed && changed.status() == MessageStatus.SENT) {
                sent.countDown();
            }
        }), SimulatedCarrier.builder().seed(1));
        for (int i = 0; i < 7; i++) {
            fixture.send(String.format("+1415555%04d", 300 + i), "Hello");
        }

        DispatcherRunner runner = DispatcherRunner.start(fixture.sending.dispatcher(), hostExecutor, Duration.ofHours(1));

        assertThat(sent.await(30, TimeUnit.SECONDS)).as("7 messages sent in 4 back-to-back steps of 2").isTrue();
        runner.stop();
        assertThat(runner.isStopped()).isTrue();
        assertThat(hostExecutor.isShutdown()).isFalse();
        assertThat(fixture.carrier.sentMessages()).hasSize(7);
        assertThat(fixture.sending.outboxEntry(ACCOUNT, fixture.send("+14155550399", "Late").messageId())
                .orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    @DisplayName("the runner refuses a non-positive interval")
    void refusesBadInterval() {
        SendingFixture fixture = new SendingFixture();
        assertThatThrownBy(() -> DispatcherRunner.start(fixture.sending.dispatcher(), hostExecutor, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
    }
}
