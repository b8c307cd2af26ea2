package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.retention.PurgeSummary;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's retention purge on this node, as a Spring lifecycle bean: the first purge
 * after the initial delay, then one every interval (counted from the end of the previous one). A
 * purge that fails is logged at WARN with its class only and the next one runs on time. On
 * shutdown no further purge starts, and one in flight gets up to the shutdown timeout to finish
 * its batch (each batch is its own transaction, so an interrupted purge loses nothing).
 *
 * <p>The auto-configuration defines one unless {@code inboxkit.retention.enabled=false} or the
 * application defines its own bean of this type. Thread-safe.
 */
public final class InboxKitRetentionLifecycle extends ScheduledLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxKitRetentionLifecycle.class);

    private final InboxKit kit;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledFuture<?> schedule; // guarded by this
    private volatile InboxKitInstrumentation instrumentation = InboxKitInstrumentation.NONE;

    /**
     * Creates the lifecycle; nothing runs before {@link #start()}.
     *
     * @param kit the engine, built with at least one carrier
     * @param initialDelay the wait before the first purge; zero or more
     * @param interval the pause between two purges; positive
     * @param shutdownTimeout how long {@link #stop()} waits for a purge in flight; zero or more
     */
    public InboxKitRetentionLifecycle(InboxKit kit, Duration initialDelay, Duration interval,
            Duration shutdownTimeout) {
        super("retention", 1, Objects.requireNonNull(shutdownTimeout, "shutdownTimeout"));
        this.kit = Objects.requireNonNull(kit, "kit");
        this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Records each purge's summary in the metrics; set by the auto-configuration before start. */
    void instrument(InboxKitInstrumentation instrumentation) {
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    }

    @Override
    synchronized boolean begin(ScheduledExecutorService executor) {
        schedule = executor.scheduleWithFixedDelay(this::purge, initialDelay.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
        LOG.info("InboxKit retention purge started: every {}, the first in {}", interval, initialDelay);
        return true;
    }

    @Override
    synchronized void halt() {
        schedule.cancel(false);
    }

    private void purge() {
        try {
            PurgeSummary summary = RetentionPurge.run(kit);
            instrumentation.purged(summary);
            LOG.info("InboxKit retention purge: {} message(s) and {} conversation(s) removed in {} batch(es)",
                    summary.messages(), summary.conversations(), summary.batches());
        } catch (RuntimeException e) {
            // the store's message may quote personal data: the class only at WARN
            LOG.warn("InboxKit retention purge failed with {}; the next one runs in {}", e.getClass().getName(),
                    interval);
            LOG.debug("retention purge failure", e);
        }
    }
}
