package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When dispatcher steps last ended, with or without an exception: what a health check judges a
 * stuck or failing dispatcher by. Plain Java, no Micrometer needed: {@link #track(Dispatcher)}
 * wraps a dispatcher to keep it up to date, and {@link InboxKitMetrics#dispatcher(Dispatcher)} does
 * so for the metrics' own {@link InboxKitMetrics#dispatchActivity()}.
 *
 * <p>A step that returns (idle or not) is a success; one that throws is a failure. Thread-safe:
 * steps of several lanes and nodes' threads record at once; the latest time wins.
 */
public final class DispatchActivity {

    private final Clock clock;
    private final Instant startedAt;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;

    private DispatchActivity(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /**
     * Starts tracking, from now.
     *
     * @param clock the clock that dates the steps, usually the engine's
     * @return the activity, with no step yet
     * @throws NullPointerException if the clock is null
     */
    public static DispatchActivity create(Clock clock) {
        return new DispatchActivity(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Wraps a dispatcher so that each of its steps is recorded here. Every method is delegated
     * unchanged.
     *
     * @param dispatcher the dispatcher
     * @return the tracking dispatcher, to run in its place
     * @throws NullPointerException if the dispatcher is null
     */
    public Dispatcher track(Dispatcher dispatcher) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        return new Dispatcher() {
            @Override
            public DispatchSummary dispatchDue() {
                DispatchSummary summary;
                try {
                    summary = dispatcher.dispatchDue();
                } catch (RuntimeException | Error e) {
                    stepFailed();
                    throw e;
                }
                stepSucceeded();
                return summary;
            }

            @Override
            public int writeBroadcastCopies() {
                return dispatcher.writeBroadcastCopies();
            }

            @Override
            public int batchSize() {
                return dispatcher.batchSize();
            }
        };
    }

    /** @return when tracking started */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return when the last step that returned ended; empty before the first */
    public Optional<Instant> lastSuccessfulStep() {
        return Optional.ofNullable(lastSuccess);
    }

    /** @return when the last step that threw ended; empty if none has */
    public Optional<Instant> lastFailedStep() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * The time since the last successful step, or since tracking started when no step has
     * succeeded yet (so that a dispatcher that never ran looks stale after a while).
     *
     * @return a duration, zero or positive
     */
    public Duration sinceLastSuccessfulStep() {
        Instant since = lastSuccess != null ? lastSuccess : startedAt;
        Duration age = Duration.between(since, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    void stepSucceeded() {
        Instant now = clock.instant();
        Instant last = lastSuccess;
        if (last == null || now.isAfter(last)) {
            lastSuccess = now;
        }
    }

    void stepFailed() {
        Instant now = clock.instant();
        Instant last = lastFailure;
        if (last == null || now.isAfter(last)) {
            lastFailure = now;
        }
    }
}
