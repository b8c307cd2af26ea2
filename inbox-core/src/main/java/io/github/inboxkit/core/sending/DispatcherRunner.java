package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Dispatcher} on the host's {@link ScheduledExecutorService}: one step every
 * {@code interval}, and, when a step claimed a full batch, the next step at once, so that a
 * backlog drains without waiting for the timer. A step that throws anything (an {@link Error}
 * from a vendor's jar included) is logged at WARN with its class only, counted in {@link
 * #failedSteps()}, and the lane goes on with its next step; no message is lost, since an
 * unrecorded claim is retried after its lease. Only a {@link VirtualMachineError} (out of memory,
 * say) stops the runner, every lane: {@link #isStopped()} then says so, and {@link #stopReason()}
 * keeps the error.
 *
 * <p>With a {@code concurrency} above one, the runner keeps that many such schedules (lanes), so
 * that up to that many steps run at once: while one step waits for its carrier calls or for the
 * database, another claims and records. Steps claim with {@code FOR UPDATE SKIP LOCKED} (or the
 * store's equivalent), so concurrent steps take different messages, exactly as dispatchers on
 * several nodes do. The host's executor needs at least {@code concurrency} threads for the lanes
 * to run at once, and a SQL store's pool one connection per lane. Messages to one number that
 * different steps claim may reach the carrier in either order, as with several nodes.
 *
 * <p>The runner holds a reference to the host's executor but never creates, shuts down nor
 * otherwise owns one: the host decides the threads and stops them. {@link #stop()} only cancels
 * the runner's own tasks. A host that prefers its own loop does not need this class at all:
 * calling {@link Dispatcher#dispatchDue()} on any schedule, from any number of threads, is the
 * whole contract.
 *
 * <p>Thread-safe; steps never overlap within one lane (a lane's next step is scheduled when its
 * previous one ends).
 */
public final class DispatcherRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherRunner.class);

    /** The most lanes a runner keeps: more would only queue on the database's locks and pool. */
    public static final int MAX_CONCURRENCY = 64;

    private final Dispatcher dispatcher;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Object lock = new Object();
    private final ScheduledFuture<?>[] next;
    private boolean stopped;
    private Throwable stopReason;
    private long failedSteps;

    private DispatcherRunner(Dispatcher dispatcher, ScheduledExecutorService executor, Duration interval,
            int concurrency) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.interval = interval;
        this.next = new ScheduledFuture<?>[concurrency];
    }

    /**
     * Starts running steps on the host's executor, one at a time, the first one at once.
     *
     * @param dispatcher the dispatcher, e.g. {@code inboxKit.sending().dispatcher()}
     * @param executor the host's executor; the runner never shuts it down
     * @param interval the pause after a step that did not claim a full batch; positive
     * @return the running runner
     * @throws io.github.inboxkit.core.InvalidValueException if an argument is null or the interval is
     *     not positive (field {@code "interval"})
     * @throws java.util.concurrent.RejectedExecutionException if the executor is shut down
     */
    public static DispatcherRunner start(Dispatcher dispatcher, ScheduledExecutorService executor, Duration interval) {
        return start(dispatcher, executor, interval, 1);
    }

    /**
     * Starts running up to {@code concurrency} steps at once on the host's executor, each lane's
     * first step at once.
     *
     * @param dispatcher the dispatcher, e.g. {@code inboxKit.sending().dispatcher()}
     * @param executor the host's executor, with at least {@code concurrency} threads for the
     *     steps to run at once; the runner never shuts it down
     * @param interval the pause, in a lane, after a step that did not claim a full batch; positive
     * @param concurrency how many steps may run at once, from 1 to {@value #MAX_CONCURRENCY}
     * @return the running runner
     * @throws io.github.inboxkit.core.InvalidValueException if an argument is null, the interval is not
     *     positive or the concurrency out of range (fields {@code "interval"}, {@code "concurrency"})
     * @throws java.util.concurrent.RejectedExecutionException if the executor is shut down
     */
    public static DispatcherRunner start(Dispatcher dispatcher, ScheduledExecutorService executor, Duration interval,
            int concurrency) {
        Require.nonNull(dispatcher, "dispatcher");
        Require.nonNull(executor, "executor");
        Require.nonNull(interval, "interval");
        Require.argument(!interval.isNegative() && !interval.isZero(), "interval", "must be > 0, got " + interval);
        Require.argument(concurrency >= 1 && concurrency <= MAX_CONCURRENCY, "concurrency",
                "must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        DispatcherRunner runner = new DispatcherRunner(dispatcher, executor, interval, concurrency);
        for (int lane = 0; lane < concurrency; lane++) {
            runner.schedule(lane, Duration.ZERO);
        }
        return runner;
    }

    /** @return how many steps this runner may run at once */
    public int concurrency() {
        return next.length;
    }

    /**
     * Stops scheduling steps; a step in progress finishes. Idempotent. The executor is left running.
     */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            for (ScheduledFuture<?> future : next) {
                if (future != null) {
                    future.cancel(false);
                }
            }
        }
    }

    /**
     * Whether the runner schedules no more steps: {@link #stop()} was called, the host's executor
     * refused a step, or a step ended with a {@link VirtualMachineError} ({@link #stopReason()}).
     *
     * @return whether the runner has stopped
     */
    public boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    /**
     * Why the runner stopped on its own: the {@link VirtualMachineError} a step ended with, or the
     * {@link RejectedExecutionException} of an executor that no longer takes tasks. Empty while it
     * runs, and after {@link #stop()}.
     *
     * @return the reason, if the runner stopped on its own
     */
    public Optional<Throwable> stopReason() {
        synchronized (lock) {
            return Optional.ofNullable(stopReason);
        }
    }

    /**
     * How many steps have ended with an exception or error, every lane together, since the start.
     * Each was logged at WARN; the lane went on with its next step.
     *
     * @return the count of failed steps
     */
    public long failedSteps() {
        synchronized (lock) {
            return failedSteps;
        }
    }

    private void schedule(int lane, Duration delay) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            next[lane] = executor.schedule(() -> step(lane), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void step(int lane) {
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
        } catch (VirtualMachineError e) {
            // the JVM may be unable to go on; stop, and keep the reason where the host can see it
            LOG.error("dispatcher runner stops: a dispatch step ended with {}; claimed messages will be retried after"
                    + " their lease", e.getClass().getName());
            stopOnItsOwn(e);
            return;
        } catch (Throwable e) {
            // anything else (an Error from a vendor's jar, say) ends this step only: the lane goes on.
            // The store's or a carrier's message may quote personal data: the class only at WARN
            synchronized (lock) {
                failedSteps++;
            }
            LOG.warn("dispatch step failed with {}; claimed messages will be retried after their lease",
                    e.getClass().getName());
            LOG.debug("dispatch step failure", e);
        }
        try {
            schedule(lane, delay);
        } catch (RejectedExecutionException e) {
            LOG.info("dispatcher runner stops: the host's executor no longer accepts tasks");
            stopOnItsOwn(e);
        }
    }

    private void stopOnItsOwn(Throwable reason) {
        synchronized (lock) {
            if (!stopped) {
                stopReason = reason;
            }
        }
        stop();
    }
}
