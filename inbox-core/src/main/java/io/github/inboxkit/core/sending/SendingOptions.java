package io.github.inboxkit.core.sending;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * The tunable settings of the sending pipeline, as {@code InboxKit.builder().sendingOptions(...)}
 * offers them: retry policy, jitter source, lease, batch sizes, idempotency window, how long
 * unmatched delivery reports are kept, and the default carrier. What the engine wires itself (the
 * store, the carriers, the clock, the listener, the team) is not here, so that nothing set through
 * it is silently replaced when the engine is built; the retention purge's settings are {@code
 * InboxKit.builder().retentionOptions(...)}.
 *
 * <p>Not thread-safe; each setter refuses a bad value at once with an {@link
 * io.github.inboxkit.core.InvalidValueException} naming it. Settings that depend on the carriers
 * (the default carrier, the lease against their submit timeouts) are checked when the engine is
 * built.
 */
public interface SendingOptions {

    /**
     * Sets the back-off for transient carrier refusals.
     *
     * @param retryPolicy the policy; default {@link RetryPolicy#standard()}
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if null
     */
    SendingOptions retryPolicy(RetryPolicy retryPolicy);

    /**
     * Sets the source of back-off jitter (seed it in tests).
     *
     * @param random the source; used under a lock
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if null
     */
    SendingOptions random(RandomGenerator random);

    /**
     * Sets how long a dispatcher's claim holds before another dispatcher may take the message over.
     * A step starts a carrier call only while the call, at the carrier's submit timeout, would
     * end with a tenth of the lease left to record the answers, and puts the other claimed
     * messages back (not counted as attempts); building the engine refuses a lease that cannot
     * hold one whole batch ({@link #dispatchBatchSize}) of calls at the slowest carrier's
     * timeout, plus that tenth. A longer lease makes messages claimed by a node that died wait
     * longer before another node sends them.
     *
     * @param lease the lease. Default: 2 minutes, or as long as one batch at the slowest
     *     carrier's timeout needs
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if null or not positive
     */
    SendingOptions lease(Duration lease);

    /**
     * Sets where the dispatcher runs each carrier call (a submit, or a submission lookup) while the
     * dispatching thread waits for it, at most the carrier's declared {@link
     * io.github.inboxkit.carrier.CarrierCapabilities#submitTimeout() submitTimeout}: a call that
     * has not answered by then is given up (cancelled and its thread interrupted), its message
     * retried later as a transient failure, and the step goes on with its next message. Only a
     * thread other than the waiting one can give a hung call up, and InboxKit keeps no pool of
     * its own: the host chooses the threads.
     *
     * <p>Default: a new daemon thread per call, which ends with the call, so that nothing needs
     * shutting down and a call that hangs holds only its own thread. A host that sends much
     * passes a pool it owns (a cached pool, say, which reuses threads); a bounded pool must have
     * a thread free for each dispatcher lane, or calls wait in its queue and count as timed out
     * (a queued call given up never starts). {@code Runnable::run} calls the carrier on the
     * dispatching thread: no thread is started, and a hung carrier then blocks its lane.
     *
     * @param executor runs the carrier calls; the host keeps and shuts it down
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if null
     */
    SendingOptions carrierCallExecutor(Executor executor);

    /**
     * Sets the most messages one dispatcher step claims. The {@link #lease} must hold this many
     * carrier calls at the slowest carrier's timeout.
     *
     * @param size 1 to 10,000; default 100
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if out of range
     */
    SendingOptions dispatchBatchSize(int size);

    /**
     * Sets the recipients per broadcast transaction, both when a broadcast is created (checked and
     * queued) and when a dispatcher step writes their copies.
     *
     * @param size 1 to 1,000; default 500
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if out of range
     */
    SendingOptions broadcastBatchSize(int size);

    /**
     * Chooses the carrier used when a request names none; by default the first registered.
     * Building the engine refuses an id that no registered carrier has (field {@code
     * "defaultCarrier"}).
     *
     * @param carrierId the id of a registered carrier
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if null
     */
    SendingOptions defaultCarrier(String carrierId);

    /**
     * Sets how long a host's idempotency key holds (F46): a repeat within it returns the first
     * call's result; after it, the key is free again and the retention purge deletes its record.
     * Longer than the host's longest retry (a retry from a queue that was down for hours needs
     * a window of more than those hours), and no longer than needed: a key of a message the
     * retention purge deleted answers {@link io.github.inboxkit.core.conversation.NoSuchMessageException}.
     * Applies to keys used from now on.
     *
     * @param window 1 minute to 7 days; default 24 hours
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if out of range (field {@code "idempotencyWindow"})
     */
    SendingOptions idempotencyWindow(Duration window);

    /**
     * Sets how long the retention purge keeps a delivery report that matched no message (F31). A
     * report can overtake the carrier's acceptance of its message by the time it takes to record
     * it (seconds, at most a lease); it is applied when that acceptance is recorded. A report
     * that has matched nothing for days is for a message this engine did not send, or whose
     * record was lost, and only an operator can make anything of it. The default keeps it a
     * week, long enough to look at over a weekend ({@link Sending#unmatchedReports}).
     *
     * @param retention 1 hour to 365 days; default 7 days
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if out of range (field {@code "unmatchedReportRetention"})
     */
    SendingOptions unmatchedReportRetention(Duration retention);

    /**
     * Adds a throughput limit (F50): a rate or a daily cap per sender ID, per group of senders (a
     * 10DLC campaign) or per carrier. Limits hold per account across every node dispatching from one
     * database (through the store, in the transaction that claims the messages); a message over a
     * limit is deferred until the limit allows it, never failed, and its attempt is not counted.
     * A carrier's declared rate applies to each of its senders in any case. A limit with the key of
     * one added before ({@link ThroughputLimit#key()}) replaces it.
     *
     * @param limit the limit
     * @return these options
     * @throws io.github.inboxkit.core.MissingValueException if {@code limit} is null
     */
    SendingOptions throughputLimit(ThroughputLimit limit);
}
