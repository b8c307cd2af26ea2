package io.github.inboxkit.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Background work on threads the starter owns: started when the context has refreshed (every
 * singleton created), stopped when it closes, before any bean (the {@code DataSource} included) is
 * destroyed. Stopping cancels what is scheduled and waits, up to the shutdown timeout, for the work
 * in flight to finish; what still runs then is interrupted.
 *
 * <p>Thread-safe.
 */
abstract class ScheduledLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledLifecycle.class);

    private final String name;
    private final int threads;
    private final Duration shutdownTimeout;
    private ScheduledThreadPoolExecutor executor; // guarded by this

    ScheduledLifecycle(String name, int threads, Duration shutdownTimeout) {
        this.name = name;
        this.threads = threads;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Schedules the work on the executor; called once per start. @return false if there is nothing to run */
    abstract boolean begin(ScheduledExecutorService executor);

    /** Cancels what is scheduled; the work in flight finishes. */
    abstract void halt();

    @Override
    public final void start() {
        synchronized (this) {
            if (executor != null) {
                return;
            }
            ScheduledThreadPoolExecutor starting = new ScheduledThreadPoolExecutor(threads, threadFactory(name));
            starting.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            starting.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
            starting.setRemoveOnCancelPolicy(true);
            if (begin(starting)) {
                executor = starting;
            } else {
                starting.shutdown();
            }
        }
    }

    @Override
    public final void stop() {
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = executor;
            if (stopping == null) {
                return;
            }
            executor = null;
            halt();
            stopping.shutdown();
        }
        try {
            if (stopping.awaitTermination(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.info("InboxKit {} stopped", name);
                return;
            }
            LOG.warn("InboxKit {} was still at work {} after shutdown began; interrupting it (claimed messages are"
                    + " retried after their lease)", name, shutdownTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping.shutdownNow();
    }

    @Override
    public final synchronized boolean isRunning() {
        return executor != null;
    }

    private static ThreadFactory threadFactory(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "inboxkit-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
