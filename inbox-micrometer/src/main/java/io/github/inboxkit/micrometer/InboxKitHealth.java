package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health view of an InboxKit engine that a host polls, in plain Java (no Micrometer needed for
 * it): are the dispatcher's lanes running, has a dispatcher step succeeded lately, does the database
 * answer. Each check is optional and runs only when its part was given to the builder.
 *
 * <pre>{@code
 * InboxKitHealth health = InboxKitHealth.builder()
 *         .runner(runner)                          // lanes alive vs configured
 *         .activity(metrics.dispatchActivity())    // or DispatchActivity.create(clock).track(dispatcher)
 *         .store(store)                            // database reachable: the outbox statistics query
 *         .build();
 * HealthReport report = health.check();
 * }</pre>
 *
 * <h2>Thresholds</h2>
 * <ul>
 *   <li><b>DOWN</b> when a runner was given and none of its lanes runs (it was stopped, or stopped
 *       on its own: see {@link DispatcherRunner#stopReason()}); or when the statistics query failed
 *       or took longer than {@link Builder#databaseTimeout} (default {@value #DEFAULT_DATABASE_TIMEOUT_SECONDS} s).
 *   <li><b>DEGRADED</b> when fewer lanes run than are configured; or when no dispatcher step has
 *       succeeded for longer than {@link Builder#staleStepThreshold} (default {@value
 *       #DEFAULT_STALE_STEP_MINUTES} min): every step fails, or one hangs. An idle step is a
 *       success, so a quiet engine stays UP.
 *   <li><b>UP</b> otherwise.
 * </ul>
 *
 * <p>Thread-safe: {@link #check()} may run on several threads at once; each call runs the
 * statistics query once.
 */
public final class InboxKitHealth {

    /** The default database timeout, in seconds. */
    public static final long DEFAULT_DATABASE_TIMEOUT_SECONDS = 2;
    /** The default stale step threshold, in minutes. */
    public static final long DEFAULT_STALE_STEP_MINUTES = 5;

    private final Clock clock;
    private final DispatcherRunner runner;
    private final DispatchActivity activity;
    private final OutboxStatistics statistics;
    private final Duration staleStepThreshold;
    private final Duration databaseTimeout;
    private final Executor databaseExecutor;

    private InboxKitHealth(Builder builder) {
        this.clock = builder.clock;
        this.runner = builder.runner;
        this.activity = builder.activity;
        this.statistics = builder.statistics;
        this.staleStepThreshold = builder.staleStepThreshold;
        this.databaseTimeout = builder.databaseTimeout;
        this.databaseExecutor = builder.databaseExecutor;
    }

    /**
     * Starts building a health view.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every configured check. Never throws for what it checks: a failing store is a finding.
     *
     * @return the report
     */
    public HealthReport check() {
        List<String> problems = new ArrayList<>();
        HealthStatus status = HealthStatus.UP;
        int alive = -1;
        int configured = -1;
        if (runner != null) {
            configured = runner.concurrency();
            alive = runner.isStopped() ? 0 : configured;
            if (alive == 0) {
                status = HealthStatus.DOWN;
                problems.add("the dispatcher runner has stopped" + runner.stopReason()
                        .map(reason -> " on its own (" + reason.getClass().getName() + ")").orElse("")
                        + ": no message is being sent");
            } else if (alive < configured) {
                status = worse(status, HealthStatus.DEGRADED);
                problems.add(alive + " of " + configured + " dispatcher lanes are running");
            }
        }
        Duration sinceStep = null;
        if (activity != null) {
            sinceStep = activity.sinceLastSuccessfulStep();
            if (sinceStep.compareTo(staleStepThreshold) > 0) {
                status = worse(status, HealthStatus.DEGRADED);
                problems.add("no dispatcher step has succeeded for " + sinceStep + " (threshold " + staleStepThreshold
                        + ")");
            }
        }
        HealthReport.DatabaseCheck database = HealthReport.DatabaseCheck.NOT_CHECKED;
        Duration latency = null;
        QueueDepth depth = null;
        if (statistics != null) {
            long start = System.nanoTime();
            try {
                depth = readDepth();
                latency = Duration.ofNanos(System.nanoTime() - start);
                database = latency.compareTo(databaseTimeout) > 0 ? HealthReport.DatabaseCheck.TIMED_OUT
                        : HealthReport.DatabaseCheck.REACHABLE;
            } catch (TimeoutException e) {
                database = HealthReport.DatabaseCheck.TIMED_OUT;
            } catch (RuntimeException e) {
                database = HealthReport.DatabaseCheck.UNREACHABLE;
                // the store's message may quote data: its class only
                problems.add("the database did not answer the outbox statistics query: " + e.getClass().getName());
            }
            if (database == HealthReport.DatabaseCheck.TIMED_OUT) {
                depth = null;
                latency = null;
                problems.add("the database did not answer the outbox statistics query within " + databaseTimeout);
            }
            if (database != HealthReport.DatabaseCheck.REACHABLE) {
                status = HealthStatus.DOWN;
            }
        }
        return new HealthReport(status, clock.instant(), alive, configured, sinceStep, database, latency, depth,
                problems);
    }

    private QueueDepth readDepth() throws TimeoutException {
        Instant now = clock.instant();
        if (databaseExecutor == null) {
            return statistics.outboxDepth(now);
        }
        CompletableFuture<QueueDepth> reading = CompletableFuture.supplyAsync(() -> statistics.outboxDepth(now),
                databaseExecutor);
        try {
            return reading.get(databaseTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause().getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            throw new TimeoutException("interrupted");
        }
    }

    private static HealthStatus worse(HealthStatus a, HealthStatus b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds {@link InboxKitHealth}. Not thread-safe; each setting refuses a bad value at once. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private DispatcherRunner runner;
        private DispatchActivity activity;
        private OutboxStatistics statistics;
        private Duration staleStepThreshold = Duration.ofMinutes(DEFAULT_STALE_STEP_MINUTES);
        private Duration databaseTimeout = Duration.ofSeconds(DEFAULT_DATABASE_TIMEOUT_SECONDS);
        private Executor databaseExecutor;

        private Builder() {}

        /**
         * The clock that dates reports and judges due entries; default the system clock, UTC.
         *
         * @param clock the clock, usually the engine's
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Checks that this runner's lanes run.
         *
         * @param runner the runner
         * @return this builder
         */
        public Builder runner(DispatcherRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * Checks that a dispatcher step succeeded within {@link #staleStepThreshold}.
         *
         * @param activity the activity, e.g. {@link InboxKitMetrics#dispatchActivity()}
         * @return this builder
         */
        public Builder activity(DispatchActivity activity) {
            this.activity = Objects.requireNonNull(activity, "activity");
            return this;
        }

        /**
         * Checks that the database answers, by running the store's outbox statistics query.
         *
         * @param store the store; it must implement {@link OutboxStatistics}
         * @return this builder
         * @throws UnsupportedStoreException if it does not
         */
        public Builder store(InboxStore store) {
            this.statistics = UnsupportedStoreException.statisticsOf(Objects.requireNonNull(store, "store"));
            return this;
        }

        /**
         * How long without a successful dispatcher step makes the engine DEGRADED; default {@value
         * #DEFAULT_STALE_STEP_MINUTES} minutes. Set it well above the runner's interval plus a
         * step's longest time (the carrier's submit timeout).
         *
         * @param threshold positive
         * @return this builder
         * @throws InvalidValueException if not positive
         */
        public Builder staleStepThreshold(Duration threshold) {
            this.staleStepThreshold = positive(threshold, "staleStepThreshold");
            return this;
        }

        /**
         * How long the statistics query may take before the database counts as not answering;
         * default {@value #DEFAULT_DATABASE_TIMEOUT_SECONDS} seconds. Without a {@link
         * #databaseExecutor}, the query runs on the calling thread and is judged when it returns
         * (the pool's own timeouts bound the wait); with one, the check stops waiting at the timeout.
         *
         * @param timeout positive
         * @return this builder
         * @throws InvalidValueException if not positive
         */
        public Builder databaseTimeout(Duration timeout) {
            this.databaseTimeout = positive(timeout, "databaseTimeout");
            return this;
        }

        /**
         * The host's executor to run the statistics query on, so that {@link InboxKitHealth#check()}
         * stops waiting at the {@link #databaseTimeout}; none by default (the calling thread).
         *
         * @param executor the executor; the health view never shuts it down
         * @return this builder
         */
        public Builder databaseExecutor(Executor executor) {
            this.databaseExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Builds the health view.
         *
         * @return the health view
         */
        public InboxKitHealth build() {
            return new InboxKitHealth(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new InvalidValueException(name, "must be positive, got " + value);
            }
            return value;
        }
    }
}
