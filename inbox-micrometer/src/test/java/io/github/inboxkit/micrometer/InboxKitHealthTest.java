package io.github.inboxkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.MutableClock;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import io.github.inboxkit.core.store.StoreException;
import io.github.inboxkit.core.store.TransactionWork;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The health view's checks and thresholds: lanes, stale steps, the database. */
class InboxKitHealthTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final ExecutorService databaseExecutor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() throws InterruptedException {
        executor.shutdownNow();
        databaseExecutor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A dispatcher with nothing to do, stepping under a runner with a long interval. */
    private static final Dispatcher IDLE = new Dispatcher() {
        @Override
        public DispatchSummary dispatchDue() {
            return DispatchSummary.NOTHING;
        }

        @Override
        public int writeBroadcastCopies() {
            return 0;
        }

        @Override
        public int batchSize() {
            return 10;
        }
    };

    @Test
    @DisplayName("F47 UP with every check passing: lanes alive, a recent step, the database answering")
    void up() {
        DispatchActivity activity = DispatchActivity.create(clock);
        activity.track(IDLE).dispatchDue();
        DispatcherRunner runner = DispatcherRunner.start(IDLE, executor, Duration.ofHours(1), 2);
        InboxKitHealth health = InboxKitHealth.builder().clock(clock).runner(runner).activity(activity)
                .store(InMemoryInboxStore.create()).build();

        HealthReport report = health.check();

        assertThat(report.status()).isEqualTo(HealthStatus.UP);
        assertThat(report.problems()).isEmpty();
        assertThat(report.lanesAlive()).hasValue(2);
        assertThat(report.lanesConfigured()).hasValue(2);
        assertThat(report.sinceLastSuccessfulStep()).contains(Duration.ZERO);
        assertThat(report.database()).isEqualTo(HealthReport.DatabaseCheck.REACHABLE);
        assertThat(report.queueDepth()).contains(QueueDepth.EMPTY);
        assertThat(report.databaseLatency()).isPresent();
        assertThat(report.details()).containsEntry("lanesAlive", 2).containsEntry("lanesConfigured", 2)
                .containsEntry("database", "REACHABLE").containsEntry("sinceLastSuccessfulStep", "PT0S")
                .containsEntry("outboxDue", 0L).doesNotContainKey("problems");
        runner.stop();
    }

    @Test
    @DisplayName("F47 DOWN when the runner's lanes have stopped, with the reason's class")
    void lanesDown() {
        DispatcherRunner runner = DispatcherRunner.start(IDLE, executor, Duration.ofHours(1), 3);
        InboxKitMetrics metrics = InboxKitMetrics.builder().registry(new SimpleMeterRegistry()).build();
        metrics.bindRunner(runner);
        assertThat(metrics.registry().get(InboxKitMetrics.DISPATCHER_LANES_ALIVE).gauge().value()).isEqualTo(3);
        runner.stop();

        HealthReport report = InboxKitHealth.builder().clock(clock).runner(runner).build().check();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.lanesAlive()).hasValue(0);
        assertThat(report.lanesConfigured()).hasValue(3);
        assertThat(report.problems()).singleElement().asString().contains("dispatcher runner has stopped");
        assertThat(report.database()).isEqualTo(HealthReport.DatabaseCheck.NOT_CHECKED);
        assertThat(metrics.registry().get(InboxKitMetrics.DISPATCHER_LANES_ALIVE).gauge().value()).isZero();
        assertThat(metrics.registry().get(InboxKitMetrics.DISPATCHER_LANES_CONFIGURED).gauge().value()).isEqualTo(3);
        metrics.unbindRunner(runner);
        assertThat(metrics.registry().get(InboxKitMetrics.DISPATCHER_LANES_CONFIGURED).gauge().value()).isZero();
    }

    @Test
    @DisplayName("F47 DEGRADED when no step has succeeded for longer than the threshold, failing steps or none at all")
    void staleStep() {
        DispatchActivity activity = DispatchActivity.create(clock);
        InboxKitHealth health = InboxKitHealth.builder().clock(clock).activity(activity)
                .staleStepThreshold(Duration.ofMinutes(2)).build();

        clock.advance(Duration.ofMinutes(2));
        assertThat(health.check().status()).as("at the threshold").isEqualTo(HealthStatus.UP);
        clock.advance(Duration.ofSeconds(1));
        HealthReport neverRan = health.check();
        assertThat(neverRan.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(neverRan.sinceLastSuccessfulStep()).contains(Duration.ofSeconds(121));
        assertThat(neverRan.problems()).singleElement().asString().contains("no dispatcher step has succeeded");

        Dispatcher failing = activity.track(new Dispatcher() {
            @Override
            public DispatchSummary dispatchDue() {
                throw new StoreException("database down");
            }

            @Override
            public int writeBroadcastCopies() {
                return 0;
            }

            @Override
            public int batchSize() {
                return 1;
            }
        });
        assertThatThrownBy(failing::dispatchDue).isInstanceOf(StoreException.class);
        assertThat(activity.lastFailedStep()).contains(clock.instant());
        assertThat(health.check().status()).as("failing steps are no success").isEqualTo(HealthStatus.DEGRADED);

        activity.track(IDLE).dispatchDue();
        assertThat(health.check().status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    @DisplayName("F47 DOWN when the database fails the statistics query; the problem names the failure's class only")
    void databaseUnreachable() {
        HealthReport report = InboxKitHealth.builder().clock(clock)
                .store(statistics(() -> {
                    throw new IllegalStateException("connection to db.example.com refused for +14155550132");
                })).build().check();

        assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(report.database()).isEqualTo(HealthReport.DatabaseCheck.UNREACHABLE);
        assertThat(report.queueDepth()).isEmpty();
        assertThat(report.problems()).singleElement().asString().contains("IllegalStateException")
                .doesNotContain("+1415", "db.example.com");
    }

    @Test
    @DisplayName("F47 DOWN when the database does not answer within the timeout, on the host's executor or inline")
    void databaseTimeout() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        InboxStore hanging = statistics(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return QueueDepth.EMPTY;
        });
        HealthReport onExecutor = InboxKitHealth.builder().clock(clock).store(hanging)
                .databaseTimeout(Duration.ofMillis(50)).databaseExecutor(databaseExecutor).build().check();
        release.countDown();

        assertThat(onExecutor.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(onExecutor.database()).isEqualTo(HealthReport.DatabaseCheck.TIMED_OUT);
        assertThat(onExecutor.problems()).singleElement().asString().contains("within PT0.05S");

        InboxStore slow = statistics(() -> {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return QueueDepth.EMPTY;
        });
        HealthReport inline = InboxKitHealth.builder().clock(clock).store(slow).databaseTimeout(Duration.ofMillis(1))
                .build().check();
        assertThat(inline.database()).isEqualTo(HealthReport.DatabaseCheck.TIMED_OUT);
        assertThat(inline.status()).isEqualTo(HealthStatus.DOWN);
    }

    @Test
    @DisplayName("F47 the health view refuses a store without statistics and thresholds that are not positive")
    void refusals() {
        InboxStore plain = new TransactionsOnlyStore() {
            @Override
            public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
                return null;
            }
        };
        assertThatThrownBy(() -> InboxKitHealth.builder().store(plain)).isInstanceOf(UnsupportedStoreException.class);
        assertThatThrownBy(() -> InboxKitHealth.builder().staleStepThreshold(Duration.ZERO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("staleStepThreshold");
        assertThatThrownBy(() -> InboxKitHealth.builder().databaseTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("databaseTimeout");
    }

    private static InboxStore statistics(Supplier<QueueDepth> reading) {
        return new StatisticsOnly(reading);
    }

    /** A store that only answers the statistics query, as the given supplier does. */
    private record StatisticsOnly(Supplier<QueueDepth> reading) implements TransactionsOnlyStore, OutboxStatistics {
        @Override
        public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueueDepth outboxDepth(Instant now) {
            return reading.get();
        }
    }
}
