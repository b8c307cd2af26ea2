package io.github.inboxkit.core.sending.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one carrier call on the host's executor while the dispatching thread waits for it, at most
 * the carrier's declared submit timeout. A call that hangs can only be given up by a thread other
 * than the one running it, and the core keeps no pool of its own: the host decides the threads
 * ({@code SendingOptions.carrierCallExecutor}), and the default starts one short-lived thread per
 * call, which ends with the call and needs no shutting down.
 *
 * <p>A call given up on is cancelled: it never starts if the executor had not started it yet, and
 * its thread is interrupted if it had. Thread-safe.
 */
final class CarrierCalls {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierCalls.class);

    /** The default: a new daemon thread per call, so that a hung call holds nothing but its own thread. */
    static final Executor THREAD_PER_CALL = command -> {
        Thread thread = new Thread(command, "inboxkit-carrier-call");
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            // "unable to create native thread": a limit on threads, not on the heap; the call does not
            // run and its message waits for a later step, as with a host executor that refuses it
            throw new RejectedExecutionException("cannot start a thread for a carrier call", e);
        }
    };

    private final Executor executor;

    CarrierCalls(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** How a call ended, as the dispatching thread saw it. */
    enum Ending {
        /** The carrier answered in time; {@link Answer#value()} holds the answer (possibly null). */
        ANSWERED,
        /** The carrier threw; {@link Answer#failure()} holds what. */
        THREW,
        /** The carrier did not answer within its timeout; it may still be running, and may have sent. */
        TIMED_OUT,
        /** The executor refused the call: nothing reached the carrier. */
        NOT_STARTED,
        /** The dispatching thread was interrupted while waiting; the call may have reached the carrier. */
        INTERRUPTED
    }

    /**
     * A call's ending.
     *
     * @param ending how it ended
     * @param value the carrier's answer when {@link Ending#ANSWERED}, else null
     * @param failure what the carrier threw, or why the call did not run; null when answered
     */
    record Answer<T>(Ending ending, T value, Throwable failure) {}

    /**
     * Runs the call and waits for it at most {@code timeout}.
     *
     * @param what names the call for the logs, with ids only: no number, no text
     * @param timeout the longest wait
     * @param call the carrier call
     * @return how it ended; never throws for what the carrier did
     */
    <T> Answer<T> call(String what, Duration timeout, Callable<T> call) {
        AtomicBoolean givenUp = new AtomicBoolean();
        FutureTask<T> task = new FutureTask<>(() -> {
            T value = call.call();
            if (givenUp.get()) {
                // the answer comes too late to be recorded: an operator should know it may be a sent text
                LOG.warn("{} answered after the engine stopped waiting for it ({}); the message is retried, and a"
                        + " carrier that cannot deduplicate it may send it twice", what, timeout);
            }
            return value;
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return new Answer<>(Ending.NOT_STARTED, null, e);
        }
        try {
            return new Answer<>(Ending.ANSWERED, task.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null);
        } catch (ExecutionException e) {
            return new Answer<>(Ending.THREW, null, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return giveUp(task, givenUp, Ending.TIMED_OUT, e);
        } catch (CancellationException e) {
            return new Answer<>(Ending.NOT_STARTED, null, e);
        } catch (InterruptedException e) {
            return giveUp(task, givenUp, Ending.INTERRUPTED, e);
        }
    }

    /** Cancels the call; if it finished meanwhile, its answer stands after all. */
    private static <T> Answer<T> giveUp(FutureTask<T> task, AtomicBoolean givenUp, Ending ending, Throwable why) {
        if (task.cancel(true)) {
            givenUp.set(true);
            return new Answer<>(ending, null, why);
        }
        try {
            return new Answer<>(Ending.ANSWERED, task.get(), null); // done: get() does not wait
        } catch (ExecutionException e) {
            return new Answer<>(Ending.THREW, null, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException | CancellationException e) {
            return new Answer<>(ending, null, why);
        }
    }
}
