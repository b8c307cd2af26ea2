package io.github.inboxkit.core.compliance;

/**
 * What kind of message a send is, as far as consent rules care: a quiet-hours policy (F41) says
 * which categories it covers, and the automatic replies of F42 carry their own category so that
 * they are never mistaken for marketing and never answered in turn.
 */
public enum MessageCategory {

    /** Promotions, offers, campaigns: the telephone solicitation that quiet-hours rules are written for. */
    MARKETING,

    /** Account and service notices the contact expects: reminders, confirmations, alerts. */
    INFORMATIONAL,

    /** An agent's message in a conversation with the contact. */
    CONVERSATIONAL,

    /** The automatic answer to a HELP or INFO keyword (F42). */
    HELP_REPLY,

    /**
     * The one confirmation of an opt-out (F42): the only send allowed to an opted-out contact,
     * never marketing, and due within minutes, so no quiet-hours policy may hold it.
     */
    OPT_OUT_CONFIRMATION,

    /** The confirmation of an opt-in keyword (F42). */
    OPT_IN_CONFIRMATION;

    /**
     * Whether a message of this category is one of the automatic keyword replies of F42, which
     * never trigger another automatic reply.
     *
     * @return true for {@link #HELP_REPLY}, {@link #OPT_OUT_CONFIRMATION} and {@link #OPT_IN_CONFIRMATION}
     */
    public boolean isKeywordReply() {
        return this == HELP_REPLY || this == OPT_OUT_CONFIRMATION || this == OPT_IN_CONFIRMATION;
    }
}
