package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's snooze waker (F37, {@code kit.snoozes().wakeDue()}) on this node, as a Spring
 * lifecycle bean: the first run at start, then one every interval (counted from the end of the
 * previous one). Every node may run it: each due snooze wakes once across nodes. A run that fails is
 * logged at WARN with its class only and the next one runs on time. On shutdown no further run
 * starts, and one in flight gets up to the shutdown timeout to finish (each account's wake is its
 * own transaction, so an interrupted run loses nothing).
 *
 * <p>The auto-configuration defines one unless {@code inboxkit.snooze.enabled=false} or the
 * application defines its own bean of this type. Works with or without a carrier. Thread-safe.
 */
public final class InboxKitSnoozeLifecycle extends ScheduledLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxKitSnoozeLifecycle.class);

    private final InboxKit kit;
    private final Duration interval;
    private ScheduledFuture<?> schedule; // guarded by this

    /**
     * Creates the lifecycle; nothing runs before {@link #start()}.
     *
     * @param kit the engine
     * @param interval the pause between two runs; positive
     * @param shutdownTimeout how long {@link #stop()} waits for a run in flight; zero or more
     */
    public InboxKitSnoozeLifecycle(InboxKit kit, Duration interval, Duration shutdownTimeout) {
        super("snooze", 1, Objects.requireNonNull(shutdownTimeout, "shutdownTimeout"));
        this.kit = Objects.requireNonNull(kit, "kit");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    synchronized boolean begin(ScheduledExecutorService executor) {
        schedule = executor.scheduleWithFixedDelay(this::wake, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        LOG.info("InboxKit snooze waker started: every {}", interval);
        return true;
    }

    @Override
    synchronized void halt() {
        schedule.cancel(false);
    }

    private void wake() {
        try {
            int woken = kit.snoozes().wakeDue();
            LOG.debug("InboxKit snooze waker: {} conversation(s) woken", woken);
        } catch (RuntimeException e) {
            // the store's message may quote personal data: the class only at WARN
            LOG.warn("InboxKit snooze waker failed with {}; the next run is in {}", e.getClass().getName(), interval);
            LOG.debug("snooze waker failure", e);
        }
    }
}
