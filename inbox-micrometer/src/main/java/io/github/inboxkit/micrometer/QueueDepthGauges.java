package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue depth gauges' handle ({@link InboxKitMetrics#bindQueueDepth}): the gauges serve the last
 * reading of the store's {@link OutboxStatistics}, taken by {@link #refresh()} (on the host's
 * schedule) or by a gauge's read when the last reading is older than the metrics' queue depth
 * maximum age (on the registry's publishing thread). Before the first successful reading the gauges
 * show NaN, which a backend shows as no data.
 *
 * <p>Thread-safe. At most one reading runs at a time; a gauge read that finds one running serves the
 * previous reading rather than wait.
 */
public final class QueueDepthGauges {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthGauges.class);

    private final OutboxStatistics statistics;
    private final Clock clock;
    private final long maxAgeNanos;
    private final io.micrometer.core.instrument.Clock ticker;
    private final Counter failures;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Reading last;

    /** A reading and when it was taken. */
    private record Reading(QueueDepth depth, Instant at, long tick) {}

    private QueueDepthGauges(MeterRegistry registry, OutboxStatistics statistics, Clock clock, Duration maxAge) {
        this.statistics = statistics;
        this.clock = clock;
        this.maxAgeNanos = maxAge.toNanos();
        this.ticker = registry.config().clock();
        this.failures = InboxKitMetrics.counter(registry, InboxKitMetrics.OUTBOX_STATISTICS_FAILURES,
                "Statistics queries of the outbox that failed; the gauges kept their last reading");
    }

    static QueueDepthGauges register(MeterRegistry registry, OutboxStatistics statistics, Clock clock,
            Duration maxAge) {
        QueueDepthGauges gauges = new QueueDepthGauges(registry, statistics, clock, maxAge);
        gauges.gauge(registry, "due", QueueDepth::due);
        gauges.gauge(registry, "scheduled", QueueDepth::scheduled);
        gauges.gauge(registry, "retrying", QueueDepth::retrying);
        gauges.gauge(registry, "sending", QueueDepth::sending);
        TimeGauge.builder(InboxKitMetrics.OUTBOX_OLDEST_DUE_AGE, gauges, TimeUnit.MILLISECONDS,
                        bound -> bound.read(depth -> depth.oldestDueAge().toMillis()))
                .description("How long the oldest due outbox entry has been due; 0 when none is due")
                .register(registry);
        return gauges;
    }

    /**
     * Takes a reading now and serves it from the gauges. Never throws for the store: a failure is
     * counted in {@value InboxKitMetrics#OUTBOX_STATISTICS_FAILURES}, logged at WARN (its class only),
     * and the gauges keep the previous reading; so it may run on a {@link
     * java.util.concurrent.ScheduledExecutorService} whose repeated task must not throw.
     *
     * @return whether the reading succeeded
     */
    public boolean refresh() {
        reading.lock();
        try {
            return take();
        } finally {
            reading.unlock();
        }
    }

    /** @return the last successful reading; empty before the first */
    public Optional<QueueDepth> lastReading() {
        Reading reading = last;
        return reading == null ? Optional.empty() : Optional.of(reading.depth());
    }

    /** @return when the last successful reading was taken, by the clock given at binding */
    public Optional<Instant> lastReadAt() {
        Reading reading = last;
        return reading == null ? Optional.empty() : Optional.of(reading.at());
    }

    private void gauge(MeterRegistry registry, String state, ToDoubleFunction<QueueDepth> count) {
        Gauge.builder(InboxKitMetrics.OUTBOX_DEPTH, this, bound -> bound.read(count))
                .description("Pending outbox entries of every account, by state")
                .tag("state", state)
                .register(registry);
    }

    private double read(ToDoubleFunction<QueueDepth> value) {
        Reading reading = last;
        if ((reading == null || ticker.monotonicTime() - reading.tick() > maxAgeNanos) && this.reading.tryLock()) {
            try {
                reading = last;
                if (reading == null || ticker.monotonicTime() - reading.tick() > maxAgeNanos) {
                    take();
                }
            } finally {
                this.reading.unlock();
            }
        }
        reading = last;
        return reading == null ? Double.NaN : value.applyAsDouble(reading.depth());
    }

    private boolean take() {
        try {
            Instant now = clock.instant();
            QueueDepth depth = statistics.outboxDepth(now);
            last = new Reading(depth, now, ticker.monotonicTime());
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            // a store's message may quote data: the class only at WARN
            LOG.warn("reading the outbox depth failed with {}; the queue depth gauges keep their last reading",
                    e.getClass().getName());
            LOG.debug("outbox depth failure", e);
            return false;
        }
    }
}
