package io.github.inboxkit.core.contact;

/** An agent's decision on a revocation review (F44). */
public enum RevocationDecision {
    /** The message revokes consent: the number is opted out. */
    OPT_OUT,
    /** The message does not revoke consent: nothing changes but the ledger's record of the decision. */
    DISMISS
}
