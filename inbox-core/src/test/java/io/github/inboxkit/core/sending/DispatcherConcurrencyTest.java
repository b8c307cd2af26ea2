package io.github.inboxkit.core.sending;

import io.github.inboxkit.InboxKit;
import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DispatcherConcurrencyTest {

    @Test
    @DisplayName("F31 two engines on one store dispatch from four threads at once: every message is sent exactly once")
    void concurrentDispatchersSendEachOnce() throws Exception {
        SendingFixture fixture = new SendingFixture(b -> b.dispatchBatchSize(7).retryPolicy(RetryPolicy.builder()
                .initialDelay(java.time.Duration.ofSeconds(1)).maxDelay(java.time.Duration.ofSeconds(30)).maxAttempts(50).build()),
                SimulatedCarrier.builder().seed(3)
                .capabilities(CarrierCapabilities.builder().messagesPerSecond(1_000_000).build())
                .transientFailureRate(0.2));
        // a second node: its own Sending (own throttle, own lease holder) on the same store and carrier
        Sending secondNode = InboxKit.builder().store(fixture.store).carrier(fixture.carrier).clock(fixture.clock)
                .sendingOptions(sending -> sending.random(new Random(9)).dispatchBatchSize(5)
                        .retryPolicy(RetryPolicy.builder().initialDelay(java.time.Duration.ofMillis(1))
                                .maxDelay(java.time.Duration.ofMillis(1)).maxAttempts(50).jitter(0).build()))
                .build().sending();
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(fixture.sending.send(ACCOUNT, SendRequest.builder()
                    .to(Recipient.number(String.format("+1415556%04d", i))).draft(Draft.ofText("Hi " + i)).build())
                    .messageId());
        }
        Dispatcher[] dispatchers = {fixture.sending.dispatcher(), secondNode.dispatcher(),
                fixture.sending.dispatcher(), secondNode.dispatcher()};
        CyclicBarrier start = new CyclicBarrier(dispatchers.length);
        AtomicInteger sentCount = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (Dispatcher dispatcher : dispatchers) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int step = 0; step < 400; step++) {
                        sentCount.addAndGet(dispatcher.dispatchDue().sent());
                        if (step % 10 == 0) {
                            fixture.clock.advance(java.time.Duration.ofSeconds(31));
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(sentCount.get()).isEqualTo(300);
        assertThat(fixture.carrier.sentMessages()).hasSize(300);
        assertThat(fixture.carrier.sentMessages().stream().map(m -> m.submission().idempotencyKey())
                .collect(Collectors.toSet())).hasSize(300);
        for (MessageId id : ids) {
            assertThat(fixture.entry(id).status()).isEqualTo(MessageStatus.SENT);
        }
    }
}
