package io.github.inboxkit.core.sending;

/** Why a broadcast did not send to a recipient (F19). */
public enum SkipReason {
    /** The contact opted out (F18). */
    OPTED_OUT,
    /** The number could not be read as a phone number. */
    INVALID_NUMBER,
    /** The contact id names no contact of the account. */
    NO_SUCH_CONTACT,
    /** The recipient appeared earlier in the same broadcast; it gets one message. */
    DUPLICATE,
    /** The chosen alphanumeric sender ID cannot reach this recipient's country. */
    SENDER_NOT_ALLOWED,
    /** The account blocked the number (F38). */
    BLOCKED
}
