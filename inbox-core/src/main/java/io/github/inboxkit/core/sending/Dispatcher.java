package io.github.inboxkit.core.sending;

/**
 * The dispatcher step of the outbox (architecture invariant 3): writes queued broadcast copies into
 * their recipients' threads (F19: creating a broadcast only queues its recipients), claims the messages that are due (queued,
 * scheduled and now due, or claimed earlier by a node whose lease ran out), re-checks opt-out in
 * the claiming transaction (invariant 5), calls the carrier outside any transaction with the
 * message id as idempotency key, and records each result.
 *
 * <p>InboxKit schedules nothing itself: a host calls {@link #dispatchDue()} from its own scheduler,
 * or hands its {@link java.util.concurrent.ScheduledExecutorService} to a {@link DispatcherRunner}.
 * Each carrier call runs on the {@linkplain SendingOptions#carrierCallExecutor carrier-call
 * executor} while the step waits for it, at most the carrier's submit timeout. Several
 * nodes (and several threads) may run steps against one store at once: a message is claimed by one
 * of them at a time, and a message whose claimer crashed is claimed again once its lease expires.
 *
 * <p>Implementations are thread-safe.
 */
public interface Dispatcher {

    /**
     * Runs one step: writes up to one batch of queued broadcast copies into their threads (the
     * sending's broadcast batch size), each account's in one transaction, then claims up to
     * {@link #batchSize()} due messages and sends them.
     *
     * @return what the step did; {@link DispatchSummary#isIdle()} when there was nothing to do
     * @throws io.github.inboxkit.core.InboxException if the store fails before anything was claimed
     *     (a failed claim of one account, or a failed record, is logged and does not end the step);
     *     no message is lost, since an unrecorded claim is retried after its lease
     * @throws VirtualMachineError if a carrier call ended with one; the step's claims wait for their lease
     */
    DispatchSummary dispatchDue();

    /**
     * Runs only the first part of a step: writes up to one batch of queued broadcast copies into
     * their recipients' threads and the outbox, QUEUED, and sends nothing. {@link #dispatchDue()}
     * does this itself; a host calls it where copies should show in threads before a slow carrier
     * catches up, or on nodes that prepare while others send.
     *
     * @return how many copies were written; 0 when none was queued
     * @throws io.github.inboxkit.core.InboxException if the store fails; the copies of an account
     *     whose transaction failed stay queued
     */
    int writeBroadcastCopies();

    /**
     * The most messages one step claims; a step that claimed this many suggests more are waiting.
     *
     * @return the batch size, at least 1
     */
    int batchSize();
}
