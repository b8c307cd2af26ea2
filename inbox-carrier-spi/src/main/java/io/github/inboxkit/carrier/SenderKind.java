package io.github.inboxkit.carrier;

/** The kinds of sender id a message can be sent from. */
public enum SenderKind {
    /** A regular phone number in E.164 form ({@code +14155550123}). */
    LONG_CODE,
    /** A short code of 3 to 8 digits ({@code 72345}). */
    SHORT_CODE,
    /** An alphanumeric sender id of 1 to 11 letters, digits or spaces, at least one a letter ({@code ACME}). */
    ALPHANUMERIC
}
