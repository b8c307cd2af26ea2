package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.account.Account;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The tunable settings of the sending pipeline, as {@code InboxKit.builder().sendingOptions(...)}
 * offers them: retry policy, jitter source, lease, batch sizes, retention policies and default
 * carrier. What the engine wires itself (the store, the carriers, the clock, the listener, the team)
 * is not here, so that nothing set through it is silently replaced when the engine is built.
 *
 * <p>{@link Sending.Builder} implements it. Not thread-safe; each setter refuses a bad value at
 * once with an {@link io.github.inboxkit.core.InvalidValueException} naming it.
 */
public interface SendingOptions {

    /**
     * Sets the back-off for transient carrier refusals.
     *
     * @param retryPolicy the policy; default {@link RetryPolicy#standard()}
     * @return these options
     */
    SendingOptions retryPolicy(RetryPolicy retryPolicy);

    /**
     * Sets the source of back-off jitter (seed it in tests).
     *
     * @param random the source; used under a lock
     * @return these options
     */
    SendingOptions random(RandomGenerator random);

    /**
     * Sets how long a dispatcher's claim holds before another may take the message over.
     *
     * @param lease longer than any carrier's submit timeout; default 2 minutes
     * @return these options
     */
    SendingOptions lease(Duration lease);

    /**
     * Sets where the dispatcher runs each carrier call while it waits at most the carrier's submit
     * timeout; see {@link Sending.Builder#carrierCallExecutor(Executor)}.
     *
     * @param executor runs the carrier calls; the host keeps and shuts it down. Default: a new
     *     daemon thread per call
     * @return these options
     */
    SendingOptions carrierCallExecutor(Executor executor);

    /**
     * Sets the most messages one dispatcher step claims.
     *
     * @param size 1 to 10,000; default 100
     * @return these options
     */
    SendingOptions dispatchBatchSize(int size);

    /**
     * Sets the recipients per broadcast transaction.
     *
     * @param size 1 to 1,000; default 500
     * @return these options
     */
    SendingOptions broadcastBatchSize(int size);

    /**
     * Sets the messages per purge transaction.
     *
     * @param size 1 to 10,000; default 1,000
     * @return these options
     */
    SendingOptions purgeBatchSize(int size);

    /**
     * Sets each account's retention policy.
     *
     * @param policies from an account to its policy; default the account settings' window
     * @return these options
     */
    SendingOptions retentionPolicies(Function<Account, RetentionPolicy> policies);

    /**
     * Chooses the carrier used when a request names none; by default the first registered.
     *
     * @param carrierId the id of a registered carrier
     * @return these options
     */
    SendingOptions defaultCarrier(String carrierId);

    /**
     * Sets how long a host's idempotency key holds (F46); see
     * {@link Sending.Builder#idempotencyWindow(Duration)}.
     *
     * @param window 1 minute to 7 days; default 24 hours
     * @return these options
     */
    SendingOptions idempotencyWindow(Duration window);

    /**
     * Sets how long the retention purge keeps delivery reports that matched no message; see
     * {@link Sending.Builder#unmatchedReportRetention(Duration)}.
     *
     * @param retention 1 hour to 365 days; default 7 days
     * @return these options
     */
    SendingOptions unmatchedReportRetention(Duration retention);
}
