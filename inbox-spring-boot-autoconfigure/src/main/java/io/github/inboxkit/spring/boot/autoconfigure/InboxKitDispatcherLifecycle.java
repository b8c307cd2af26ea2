package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.SendingNotConfiguredException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's dispatcher on this node, as a Spring lifecycle bean: a {@link DispatcherRunner}
 * on threads of its own, one per lane, started once the context has refreshed. On shutdown it
 * schedules no further step and waits, up to the shutdown timeout, for the steps in flight to
 * record what the carrier answered, so that no message is left {@code SENDING} by a clean stop.
 * A step still running after the timeout is interrupted; its messages are retried after their
 * lease, by this node or another.
 *
 * <p>The auto-configuration defines one unless {@code inboxkit.dispatcher.enabled=false} or the
 * application defines its own bean of this type. Thread-safe.
 */
public final class InboxKitDispatcherLifecycle extends ScheduledLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxKitDispatcherLifecycle.class);

    private final InboxKit kit;
    private final Duration interval;
    private final int concurrency;
    private InboxKitInstrumentation instrumentation = InboxKitInstrumentation.NONE; // guarded by this
    private DispatcherRunner runner; // guarded by this

    /**
     * Creates the lifecycle; nothing runs before {@link #start()}.
     *
     * @param kit the engine, built with at least one carrier
     * @param interval the pause after a step that did not claim a full batch; positive
     * @param concurrency how many steps may run at once, from 1 to {@value DispatcherRunner#MAX_CONCURRENCY}
     * @param shutdownTimeout how long {@link #stop()} waits for the steps in flight; zero or more
     */
    public InboxKitDispatcherLifecycle(InboxKit kit, Duration interval, int concurrency, Duration shutdownTimeout) {
        super("dispatcher", concurrency, Objects.requireNonNull(shutdownTimeout, "shutdownTimeout"));
        this.kit = Objects.requireNonNull(kit, "kit");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.concurrency = concurrency;
    }

    /** Measures the dispatcher and reports the runner; set by the auto-configuration before start. */
    synchronized void instrument(InboxKitInstrumentation instrumentation) {
        this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    }

    /** @return the running runner, if the dispatcher runs */
    synchronized Optional<DispatcherRunner> runner() {
        return isRunning() ? Optional.ofNullable(runner) : Optional.empty();
    }

    @Override
    synchronized boolean begin(ScheduledExecutorService executor) {
        Dispatcher dispatcher;
        try {
            dispatcher = instrumentation.dispatcher(kit.sending().dispatcher());
        } catch (SendingNotConfiguredException noCarrier) {
            LOG.info("InboxKit dispatcher not started: the engine has no carrier");
            return false;
        }
        runner = DispatcherRunner.start(dispatcher, executor, interval, concurrency);
        instrumentation.runnerStarted(runner);
        LOG.info("InboxKit dispatcher started: {} lane(s), {} between idle steps", concurrency, interval);
        return true;
    }

    @Override
    synchronized void halt() {
        runner.stop();
        instrumentation.runnerStopped(runner);
    }

    /**
     * How many dispatch steps have failed since the last start (each was logged at WARN).
     *
     * @return the count; 0 before the first start
     */
    public synchronized long failedSteps() {
        return runner == null ? 0 : runner.failedSteps();
    }
}
