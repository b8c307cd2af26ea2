package io.github.inboxkit.core.sending;

/**
 * Why an outbound message ended FAILED (F31), in InboxKit's words; the carrier's own code and text
 * are kept alongside in {@link SendFailure}.
 */
public enum FailureReason {
    /** The contact opted out before the message was claimed for sending (F18, architecture invariant 5). */
    OPTED_OUT,
    /** The carrier refused the message permanently; {@link SendFailure#carrierReason()} says why. */
    REJECTED_BY_CARRIER,
    /** The carrier refused the message transiently at every attempt the retry policy allowed. */
    RETRIES_EXHAUSTED,
    /** The carrier accepted the message, then reported that it could not be delivered. */
    UNDELIVERED,
    /** The message names a carrier that this engine does not know (any more). */
    NO_SUCH_CARRIER,
    /** The account blocked the number before the message was claimed for sending (F38). */
    BLOCKED,
    /**
     * An opt-out confirmation (F42) that could no longer go out within five minutes of the
     * opt-out it confirms: it is dropped rather than sent late, since the rule allows one
     * confirmation only within that time.
     */
    EXPIRED,
    /**
     * The account's quiet hours (F41) leave no instant at which every rule allows the message in
     * every zone the recipient may be in (a narrow window across far-apart zones): set the
     * contact's zone, or widen the policy, and send again.
     */
    NO_QUIET_HOURS_WINDOW
}
