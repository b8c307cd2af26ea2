package io.github.inboxkit.carrier;

/** The standard delivery statuses every carrier's own statuses map to (F31). */
public enum DeliveryStatus {
    /** The carrier handed the message to the network; not final. */
    SENT,
    /** The handset confirmed receipt; final. */
    DELIVERED,
    /** The network gave up delivering (handset off too long, number gone); final. */
    UNDELIVERED,
    /** The carrier failed the message after accepting it (refused downstream, expired); final. */
    FAILED;

    /**
     * Whether no further status is expected after this one.
     *
     * @return false only for {@link #SENT}
     */
    public boolean isFinal() {
        return this != SENT;
    }
}
