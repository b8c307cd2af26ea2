package io.github.inboxkit.core.compliance;

/** Why a quiet-hours policy allows a send now or holds it (F41). */
public enum QuietHoursReason {

    /** Allowed: the account's policy is off. */
    POLICY_OFF(false),

    /** Allowed: the policy does not cover the message's category. */
    CATEGORY_NOT_COVERED(false),

    /** Allowed: a reply within the policy's conversational exemption after the contact's own inbound message. */
    CONVERSATIONAL_REPLY(false),

    /** Allowed: no rule of the policy applies to the recipient's location (a custom policy without a default rule). */
    NO_RULE_FOR_RECIPIENT(false),

    /** Allowed: inside the window in every zone the recipient may be in. */
    INSIDE_WINDOW(false),

    /** Held: outside the window of hours in one of the recipient's zones. */
    OUTSIDE_WINDOW(true),

    /** Held: an excluded day of the week in one of the recipient's zones. */
    EXCLUDED_DAY(true),

    /** Held: an excluded date (a holiday) in one of the recipient's zones. */
    EXCLUDED_DATE(true),

    /**
     * Held with no release: the recipient's zones and rules share no allowed instant within 400
     * days (windows that never overlap across far-apart zones). The host decides: set the
     * contact's zone, or drop the message.
     */
    NO_COMMON_WINDOW(true);

    private final boolean holds;

    QuietHoursReason(boolean holds) {
        this.holds = holds;
    }

    /**
     * Whether this reason holds the message.
     *
     * @return true for the reasons that hold a send, false for those that allow it
     */
    public boolean holds() {
        return holds;
    }
}
