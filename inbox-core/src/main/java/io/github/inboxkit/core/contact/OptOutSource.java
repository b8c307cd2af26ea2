package io.github.inboxkit.core.contact;

/**
 * What caused a subscription change (F18), as the consent ledger records it (F43). The actor of
 * each source is {@link OptOutRecord#actor()}.
 */
public enum OptOutSource {
    /**
     * An inbound message that was an opt-out or opt-in keyword: one of the account's keywords, or
     * one of the seven mandatory words in a short reply ("STOP please"). Actor: the contact.
     */
    KEYWORD,
    /** An agent: a user of the account, by hand. Actor: the user's id. */
    USER,
    /**
     * The carrier refused an outbound message because the recipient unsubscribed at the carrier
     * (for example Twilio's error 21610, after a STOP sent to the carrier rather than to the
     * account); the record names the refused message. Actor: {@code "carrier"}.
     */
    CARRIER,
    /**
     * An inbound message in natural language that revokes consent ("please stop texting me"),
     * recognised by the revocation detector under the account's revocation policy (F44); the
     * record names the message and the detector's rule. Actor: the contact.
     */
    NATURAL_LANGUAGE,
    /**
     * The host's import of consent it collected elsewhere (a sign-up form, another system): the
     * actor is the host's own text, such as the name of the import.
     */
    IMPORT
}
