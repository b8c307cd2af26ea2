package io.github.inboxkit.carrier;

/**
 * Standard reasons for which a carrier refuses a message for good; resubmitting it unchanged cannot
 * succeed. The carrier's own code and text travel alongside in {@link SubmitResult.RejectedPermanently}.
 */
public enum PermanentReason {
    /** The recipient is not a valid or assigned number. */
    INVALID_NUMBER,
    /** The recipient cannot receive messages (a landline, a number that does not take SMS). */
    UNREACHABLE_NUMBER,
    /** The recipient opted out at the carrier (e.g. replied STOP to this sender). */
    OPTED_OUT,
    /** The carrier refused the content (filtering, too many segments, forbidden content). */
    CONTENT_REFUSED,
    /** The message has media but the carrier or the route cannot carry MMS. */
    MEDIA_NOT_SUPPORTED,
    /** The media exceed the carrier's size limit. */
    MEDIA_TOO_LARGE,
    /** The sender id may not be used (not owned, not registered, alphanumeric not allowed). */
    SENDER_NOT_ALLOWED,
    /** The carrier refused the account (suspended, unpaid, credentials revoked). */
    ACCOUNT_REFUSED,
    /** Any other permanent refusal; see the carrier's code and text. */
    OTHER;

    /**
     * Whether the refusal is about the message's content or media rather than its addressing,
     * which tells a user to change the message rather than the recipient.
     *
     * @return true for {@link #CONTENT_REFUSED}, {@link #MEDIA_NOT_SUPPORTED} and {@link #MEDIA_TOO_LARGE}
     */
    public boolean concernsContent() {
        return this == CONTENT_REFUSED || this == MEDIA_NOT_SUPPORTED || this == MEDIA_TOO_LARGE;
    }
}
