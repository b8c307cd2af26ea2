package io.github.inboxkit.core.contact;

/** What caused a subscription change (F18). */
public enum OptOutSource {
    /** An inbound message that was an opt-out or opt-in keyword. */
    KEYWORD,
    /** A user of the account, by hand. */
    USER
}
