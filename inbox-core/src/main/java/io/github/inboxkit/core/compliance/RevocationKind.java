package io.github.inboxkit.core.compliance;

/**
 * What kind of revocation of consent an inbound text is, as told by a {@link RevocationDetector}.
 */
public enum RevocationKind {

    /**
     * One of the seven words that always revoke consent (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL,
     * UNSUBSCRIBE), alone or with nothing around it but courtesy and filler words ({@code "STOP
     * please"}, {@code "Unsubscribe."}, {@code "stop!!"}). A host should opt the sender out at once.
     */
    MANDATORY_KEYWORD,

    /**
     * A request in everyday words to stop being texted ({@code "please stop texting me"}, {@code
     * "ya no me escriban"}, {@code "désabonnez-moi"}), or a mandatory word within a longer reply.
     * A host opts the sender out at once or flags the message for an agent's review, by its policy.
     */
    NATURAL_LANGUAGE,

    /** Not a revocation: ordinary conversation, including look-alikes such as {@code "don't stop"}. */
    NONE
}
