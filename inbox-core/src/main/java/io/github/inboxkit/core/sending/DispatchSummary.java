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
 * @param sent messages the carrier accepted, now SENT
 * @param retried messages the carrier refused transiently (or that failed unexpectedly), queued
 *     again after a back-off
 * @param failed messages now FAILED: refused permanently, or out of attempts
 * @param skipped messages not sent because the contact opted out before the claim (F18)
 * @param deferred messages put back untouched because their sender's throughput was used up; they
 *     go in a later step and do not count as attempts
 */
public record DispatchSummary(int written, int claimed, int sent, int retried, int failed, int skipped, int deferred) {

    /** An empty step. */
    public static final DispatchSummary NOTHING = new DispatchSummary(0, 0, 0, 0, 0, 0, 0);

    /**
     * Checks that no count is negative.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if one is
     */
    public DispatchSummary {
        if (written < 0 || claimed < 0 || sent < 0 || retried < 0 || failed < 0 || skipped < 0 || deferred < 0) {
            throw new io.github.inboxkit.core.InvalidValueException("counts", "must not be negative");
        }
    }

    /**
     * Adds two summaries, for a host that totals several steps.
     *
     * @param other another step's summary
     * @return the sums
     */
    public DispatchSummary plus(DispatchSummary other) {
        return new DispatchSummary(written + other.written, claimed + other.claimed, sent + other.sent, retried + other.retried,
                failed + other.failed, skipped + other.skipped, deferred + other.deferred);
    }

    /** @return whether the step found nothing to do: no copy to write, no message due */
    public boolean isIdle() {
        return written == 0 && claimed == 0 && skipped == 0;
    }
}
