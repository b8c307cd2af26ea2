package io.github.inboxkit.core.compliance;

/**
 * What an account does with an inbound text that the {@link RevocationDetector} reads as a
 * revocation of consent in natural language (F44), such as "please stop texting me". The seven
 * mandatory words (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL, UNSUBSCRIBE), alone or in a short
 * reply, always opt the number out whatever the policy, while the account applies opt-out keywords.
 */
public enum RevocationPolicy {
    /**
     * Natural-language revocations are not acted on: the message reaches the inbox like any other,
     * where an agent reads it and opts the number out by hand. The default, since a false
     * revocation silences a customer who wanted the texts; the host chooses to turn it on.
     */
    OFF,
    /**
     * A natural-language revocation opts the number out at once, in the transaction that stores the
     * message, with a consent-ledger entry of source {@code NATURAL_LANGUAGE} naming the message and
     * the detector's rule.
     */
    OPT_OUT_AT_ONCE,
    /**
     * A natural-language revocation is flagged for an agent's review, due ten business days after
     * the message ({@link RevocationDeadline}); the number may be texted meanwhile. An agent opts
     * the number out or dismisses the flag; a flag still open at its deadline opts the number out
     * when the host's periodic call of {@code kit.contacts().honourOverdueRevocations(...)} finds it.
     */
    REVIEW
}
