package io.github.inboxkit.core.sending;

/**
 * What one {@link Dispatcher#dispatchDue()} step did. The counts are of messages; a message is
 * counted once per step.
 *
 * <p>Immutable and thread-safe.
 *
 * @param written broadcast copies written into their threads and queued in this step (F19): creating a
 *     broadcast queues its recipients, and dispatcher steps write their copies, a batch per step
 * @param claimed messages claimed with a lease in this step
 * @param sent messages the carrier accepted, now SENT (including those a carrier's submission
 *     lookup found accepted by an earlier attempt)
 * @param retried messages the carrier refused transiently (or that failed unexpectedly, or did not
 *     answer within the carrier's submit timeout), queued again after a back-off
 * @param failed messages now FAILED: refused permanently, or out of attempts, or for which the
 *     account's quiet hours leave no window (F41)
 * @param skipped messages not sent because the contact opted out before the claim (F18)
 * @param deferred messages put back untouched, due again at once or when their sender may send:
 *     their sender's throughput was used up, or too little of the lease was left for a carrier call
 *     to end inside it, or the account's quiet hours held them until the window opens in the
 *     recipient's zone (F41); they go in a later step and do not count as attempts
 * @param carrierErrors carrier calls (submits and submission lookups) that threw or did not answer
 *     within the carrier's submit timeout; their messages are among {@code retried} (or
 *     {@code failed} when out of attempts). Each was logged at WARN
 * @param unrecorded messages whose carrier answers could not be recorded before their lease ran
 *     out, the database failing each time; they stay SENDING and are claimed again after their
 *     lease. Each account concerned was logged at WARN
 */
public record DispatchSummary(int written, int claimed, int sent, int retried, int failed, int skipped, int deferred,
        int carrierErrors, int unrecorded) {

    /** An empty step. */
    public static final DispatchSummary NOTHING = new DispatchSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Checks that no count is negative.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if one is
     */
    public DispatchSummary {
        if (written < 0 || claimed < 0 || sent < 0 || retried < 0 || failed < 0 || skipped < 0 || deferred < 0
                || carrierErrors < 0 || unrecorded < 0) {
            throw new io.github.inboxkit.core.InvalidValueException("counts", "must not be negative");
        }
    }

    /**
     * A step without carrier errors and with every answer recorded.
     *
     * @param written as in the canonical constructor
     * @param claimed as in the canonical constructor
     * @param sent as in the canonical constructor
     * @param retried as in the canonical constructor
     * @param failed as in the canonical constructor
     * @param skipped as in the canonical constructor
     * @param deferred as in the canonical constructor
     * @throws io.github.inboxkit.core.InvalidValueException if a count is negative
     */
    public DispatchSummary(int written, int claimed, int sent, int retried, int failed, int skipped, int deferred) {
        this(written, claimed, sent, retried, failed, skipped, deferred, 0, 0);
    }

    /**
     * Adds two summaries, for a host that totals several steps.
     *
     * @param other another step's summary
     * @return the sums
     */
    public DispatchSummary plus(DispatchSummary other) {
        return new DispatchSummary(written + other.written, claimed + other.claimed, sent + other.sent, retried + other.retried,
                failed + other.failed, skipped + other.skipped, deferred + other.deferred,
                carrierErrors + other.carrierErrors, unrecorded + other.unrecorded);
    }

    /** @return whether the step found nothing to do: no copy to write, no message due */
    public boolean isIdle() {
        return written == 0 && claimed == 0 && skipped == 0;
    }
}
