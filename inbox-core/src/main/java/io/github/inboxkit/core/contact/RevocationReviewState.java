package io.github.inboxkit.core.contact;

/** Where a revocation review (F44) stands. */
public enum RevocationReviewState {
    /** Waiting for an agent; the number may still be texted until its deadline. */
    OPEN,
    /** An agent read the message as a revocation and opted the number out. */
    OPTED_OUT,
    /** An agent read the message as no revocation; the number's consent is unchanged. */
    DISMISSED,
    /** Nobody decided by the deadline, so the number was opted out, as the rule requires. */
    OPTED_OUT_AT_DEADLINE;

    /** @return whether the review is still waiting for a decision */
    public boolean isOpen() {
        return this == OPEN;
    }
}
