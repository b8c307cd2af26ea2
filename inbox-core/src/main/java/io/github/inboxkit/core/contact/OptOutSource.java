package io.github.inboxkit.core.contact;

/** What caused a subscription change (F18). */
public enum OptOutSource {
    /** An inbound message that was an opt-out or opt-in keyword. */
    KEYWORD,
    /** A user of the account, by hand. */
    USER,
    /**
     * The carrier refused an outbound message because the recipient unsubscribed at the carrier
     * (for example Twilio's error 21610, after a STOP sent to the carrier rather than to the
     * account); the record names the refused message.
     */
    CARRIER
}
