package io.github.inboxkit.core.contact;

/**
 * The kind of a consent change in the consent ledger (F43): finer than {@link OptOutAction}, which
 * is only the state it leaves.
 */
public enum ConsentChange {
    /** Consent given for a number that had not opted out (an agent, an import). */
    OPT_IN,
    /** An opt-out: a keyword, an agent, a carrier's report that the recipient unsubscribed. */
    OPT_OUT,
    /** A revocation in natural language (F44). */
    REVOCATION,
    /** A number that had opted out subscribed again (START, an agent). */
    RESUBSCRIPTION,
    /** A change imported by the host (either state). */
    IMPORT,
    /**
     * An agent read a flagged revocation (F44) as none: the entry records the decision and leaves
     * the number's state as it was.
     */
    REVOCATION_DISMISSED;

    /**
     * The kind a change has when its maker gives none: an import is {@link #IMPORT}, a natural
     * language opt-out a {@link #REVOCATION}, another opt-out an {@link #OPT_OUT}, an opt-in an
     * {@link #OPT_IN}.
     *
     * @param action the state the change leaves
     * @param source its cause
     * @return the kind
     */
    static ConsentChange of(OptOutAction action, OptOutSource source) {
        if (source == OptOutSource.IMPORT) {
            return IMPORT;
        }
        if (action == OptOutAction.OPTED_OUT) {
            return source == OptOutSource.NATURAL_LANGUAGE ? REVOCATION : OPT_OUT;
        }
        return OPT_IN;
    }
}
