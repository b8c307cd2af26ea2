package io.github.inboxkit.core.sending;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Dispatcher} on the host's {@link ScheduledExecutorService}: one step every
 * {@code interval}, and, when a step claimed a full batch, the next step at once, so that a
 * backlog drains without waiting for the timer. A step that throws is logged at WARN and the
 * schedule continues; no message is lost, since an unrecorded claim is retried after its lease.
 *
 * <p>The runner holds a reference to the host's executor but never creates, shuts down nor
 * otherwise owns one: the host decides the threads and stops them. {@link #stop()} only cancels
 * the runner's own tasks. A host that prefers its own loop does not need this class at all:
 * calling {@link Dispatcher#dispatchDue()} on any schedule is the whole contract.
 *
 * <p>Thread-safe; steps never overlap within one runner (the next one is scheduled when the
 * previous one ends).
 */
public final class DispatcherRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherRunner.class);

    private final Dispatcher dispatcher;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Object lock = new Object();
    private ScheduledFuture<?> next;
    private boolean stopped;

    private DispatcherRunner(Dispatcher dispatcher, ScheduledExecutorService executor, Duration interval) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.interval = interval;
    }

    /**
     * Starts running steps on the host's executor, the first one at once.
     *
     * @param dispatcher the dispatcher, e.g. {@code inboxKit.sending().dispatcher()}
     * @param executor the host's executor; the runner never shuts it down
     * @param interval the pause after a step that did not claim a full batch; positive
     * @return the running runner
     * @throws IllegalArgumentException if the interval is not positive
     * @throws java.util.concurrent.RejectedExecutionException if the executor is shut down
     */
    public static DispatcherRunner start(Dispatcher dispatcher, ScheduledExecutorService executor, Duration interval) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0, got " + interval);
        }
        DispatcherRunner runner = new DispatcherRunner(dispatcher, executor, interval);
        runner.schedule(Duration.ZERO);
        return runner;
    }

    /**
     * Stops scheduling steps; a step in progress finishes. Idempotent. The executor is left running.
     */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    /** @return whether {@link #stop()} was called */
    public boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    private void schedule(Duration delay) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            next = executor.schedule(this::step, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void step() {
        Duration delay = interval;
        try {
            DispatchSummary summary = dispatcher.dispatchDue();
            // copies written: they are due now; a full claim: more may be waiting
            if (summary.written() > 0 || summary.claimed() + summary.skipped() >= dispatcher.batchSize()) {
                delay = Duration.ZERO;
            }
            if (!summary.isIdle()) {
                LOG.debug("dispatch step: {}", summary);
            }
        } catch (RuntimeException e) {
            // the store's or a carrier's message may quote personal data: the class only at WARN
            LOG.warn("dispatch step failed with {}; claimed messages will be retried after their lease",
                    e.getClass().getName());
            LOG.debug("dispatch step failure", e);
        }
        try {
            schedule(delay);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.info("dispatcher runner stops: the host's executor no longer accepts tasks");
            synchronized (lock) {
                stopped = true;
            }
        }
    }
}
