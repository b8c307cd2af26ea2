package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InvalidValueException;
import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
        SendingFixture fixture = backlog(7, 2, sent);

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
    @DisplayName("F31 a runner of concurrency 2 drains a backlog with overlapping steps, each message sent exactly once")
    void twoLanesSendEachMessageOnce() throws InterruptedException {
        ScheduledExecutorService twoThreads = Executors.newScheduledThreadPool(2);
        try {
            CountDownLatch sent = new CountDownLatch(40);
            SendingFixture fixture = backlog(40, 3, sent);
            StepCounter counting = new StepCounter(fixture.sending.dispatcher(), null);

            DispatcherRunner runner = DispatcherRunner.start(counting, twoThreads, Duration.ofHours(1), 2);

            assertThat(runner.concurrency()).isEqualTo(2);
            assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
            runner.stop();
            assertThat(fixture.carrier.sentMessages()).hasSize(40)
                    .extracting(message -> message.submission().text()).doesNotHaveDuplicates();
            assertThat(counting.steps.get()).isGreaterThanOrEqualTo(14); // 40 in batches of 3
        } finally {
            twoThreads.shutdownNow();
        }
    }

    @Test
    @DisplayName("F31 lanes run their steps at once, up to the concurrency and never more; stop ends every lane")
    void lanesOverlapUpToTheConcurrency() throws Exception {
        ScheduledExecutorService fourThreads = Executors.newScheduledThreadPool(4);
        try {
            // each step waits until three steps are running together (or gives up), then reports a full batch
            CyclicBarrier three = new CyclicBarrier(3);
            StepCounter counting = new StepCounter(new SendingFixture().sending.dispatcher(), three);

            DispatcherRunner runner = DispatcherRunner.start(counting, fourThreads, Duration.ofMillis(10), 3);

            assertThat(counting.metTogether.await(30, TimeUnit.SECONDS)).as("three steps met at the barrier").isTrue();
            runner.stop();
            Thread.sleep(300); // steps in progress finish; none starts after
            int steps = counting.steps.get();
            Thread.sleep(300);
            assertThat(counting.steps.get()).isEqualTo(steps);
            assertThat(counting.mostAtOnce.get()).isEqualTo(3);
        } finally {
            fourThreads.shutdownNow();
        }
    }

    @Test
    @DisplayName("the runner refuses a concurrency below 1 or above its maximum")
    void refusesBadConcurrency() {
        SendingFixture fixture = new SendingFixture();
        for (int concurrency : new int[] {0, DispatcherRunner.MAX_CONCURRENCY + 1}) {
            assertThatThrownBy(() -> DispatcherRunner.start(fixture.sending.dispatcher(), hostExecutor,
                    Duration.ofSeconds(1), concurrency))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("concurrency");
        }
    }

    /** {@code messages} queued messages to as many numbers, each counted down on {@code sent} once SENT. */
    private static SendingFixture backlog(int messages, int batchSize, CountDownLatch sent) {
        SendingFixture fixture = new SendingFixture(b -> b.dispatchBatchSize(batchSize).listener(event -> {
            if (event instanceof InboxEvent.MessageStatusChanged changed && changed.status() == MessageStatus.SENT) {
                sent.countDown();
            }
        }), SimulatedCarrier.builder().seed(1));
        for (int i = 0; i < messages; i++) {
            fixture.send(String.format("+1415555%04d", 300 + i), "Hello " + i);
        }
        return fixture;
    }

    /** A dispatcher that counts its steps and how many ran at once, and may hold each at a barrier. */
    private static final class StepCounter implements Dispatcher {
        private final Dispatcher delegate;
        private final CyclicBarrier barrier;
        final AtomicInteger steps = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch metTogether = new CountDownLatch(1);

        StepCounter(Dispatcher delegate, CyclicBarrier barrier) {
            this.delegate = delegate;
            this.barrier = barrier;
        }

        @Override
        public DispatchSummary dispatchDue() {
            steps.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (barrier == null) {
                    return delegate.dispatchDue();
                }
                try {
                    barrier.await(200, TimeUnit.MILLISECONDS);
                    metTogether.countDown();
                } catch (BrokenBarrierException | TimeoutException e) {
                    barrier.reset();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DispatchSummary(0, batchSize(), batchSize(), 0, 0, 0, 0);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public int writeBroadcastCopies() {
            return delegate.writeBroadcastCopies();
        }

        @Override
        public int batchSize() {
            return delegate.batchSize();
        }
    }

    @Test
    @DisplayName("F31 a carrier that throws an Error does not end the lane: the runner keeps sending, the message is retried")
    void carrierErrorKeepsTheLane() throws InterruptedException {
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1),
                DispatcherResilienceTest.beforeSubmit(DispatcherResilienceTest.throwingOnce(
                        new AssertionError("a vendor's jar asserting"))));

        DispatcherRunner runner = startOn(fixture, 3);
        try {
            awaitSent(fixture, 2);
            fixture.clock.advance(Duration.ofSeconds(31)); // the failed one's back-off
            awaitSent(fixture, 3);
            assertThat(runner.isStopped()).isFalse();
            assertThat(runner.failedSteps()).as("the carrier's error ended no step").isZero();
        } finally {
            runner.stop();
        }
    }

    @Test
    @DisplayName("F31 a carrier call that hangs past its submitTimeout does not hold the lane: the runner keeps sending")
    void hungCarrierKeepsTheLane() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean(true);
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1)
                .capabilities(CarrierCapabilities.builder().mms(410 * 1024).messagesPerSecond(1000)
                        .submitTimeout(Duration.ofMillis(200)).build()),
                DispatcherResilienceTest.beforeSubmit(submission -> {
                    if (hang.getAndSet(false)) {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));

        DispatcherRunner runner = startOn(fixture, 4);
        try {
            awaitSent(fixture, 3);
            assertThat(runner.isStopped()).isFalse();
        } finally {
            runner.stop();
            release.countDown();
        }
    }

    @Test
    @DisplayName("F31 a step that throws an Error is logged and counted, and the lane goes on with its next step")
    void failedStepIsCounted() throws InterruptedException {
        SendingFixture fixture = new SendingFixture();
        fixture.send("+14155550300", "Hello");
        AtomicBoolean fail = new AtomicBoolean(true);
        Dispatcher failingOnce = new FailingDispatcher(fixture.sending.dispatcher(), () -> {
            if (fail.getAndSet(false)) {
                throw new NoClassDefFoundError("com/vendor/Missing");
            }
        });

        DispatcherRunner runner = DispatcherRunner.start(failingOnce, hostExecutor, Duration.ofMillis(10));
        try {
            awaitSent(fixture, 1);
            assertThat(runner.failedSteps()).isEqualTo(1);
            assertThat(runner.isStopped()).isFalse();
            assertThat(runner.stopReason()).isEmpty();
        } finally {
            runner.stop();
        }
    }

    @Test
    @DisplayName("F31 a VirtualMachineError stops the runner, which says so and keeps the reason")
    void virtualMachineErrorStopsTheRunner() throws InterruptedException {
        SendingFixture fixture = new SendingFixture();
        OutOfMemoryError fatal = new OutOfMemoryError("simulated");
        AtomicInteger steps = new AtomicInteger();
        Dispatcher dying = new FailingDispatcher(fixture.sending.dispatcher(), () -> {
            steps.incrementAndGet();
            throw fatal;
        });

        DispatcherRunner runner = DispatcherRunner.start(dying, hostExecutor, Duration.ofMillis(10));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!runner.isStopped() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(runner.isStopped()).isTrue();
        assertThat(runner.stopReason()).containsSame(fatal);
        Thread.sleep(100);
        assertThat(steps).as("no step after the error").hasValue(1);
        assertThat(hostExecutor.isShutdown()).as("the host's executor is the host's").isFalse();
    }

    /** Queues {@code messages} messages to as many numbers, and starts one lane on the host's executor. */
    private DispatcherRunner startOn(SendingFixture fixture, int messages) {
        for (int i = 0; i < messages; i++) {
            fixture.send(String.format("+1415555%04d", 300 + i), "Hello " + i);
        }
        return DispatcherRunner.start(fixture.sending.dispatcher(), hostExecutor, Duration.ofMillis(10));
    }

    /** Waits until {@code count} messages of the fixture are SENT. */
    private static void awaitSent(SendingFixture fixture, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sent(fixture) < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sent(fixture)).as("messages sent").isGreaterThanOrEqualTo(count);
    }

    private static long sent(SendingFixture fixture) {
        return fixture.events.stream().filter(event -> event instanceof InboxEvent.MessageStatusChanged changed
                && changed.status() == MessageStatus.SENT).count();
    }

    /** A dispatcher whose steps first run {@code before}, which may throw. */
    private static final class FailingDispatcher implements Dispatcher {
        private final Dispatcher delegate;
        private final Runnable before;

        FailingDispatcher(Dispatcher delegate, Runnable before) {
            this.delegate = delegate;
            this.before = before;
        }

        @Override
        public DispatchSummary dispatchDue() {
            before.run();
            return delegate.dispatchDue();
        }

        @Override
        public int writeBroadcastCopies() {
            return delegate.writeBroadcastCopies();
        }

        @Override
        public int batchSize() {
            return delegate.batchSize();
        }
    }

    @Test
    @DisplayName("the runner refuses a non-positive interval")
    void refusesBadInterval() {
        SendingFixture fixture = new SendingFixture();
        assertThatThrownBy(() -> DispatcherRunner.start(fixture.sending.dispatcher(), hostExecutor, Duration.ZERO))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("interval");
    }
}
