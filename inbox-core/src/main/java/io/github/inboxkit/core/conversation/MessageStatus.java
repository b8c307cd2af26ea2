package io.github.inboxkit.core.conversation;

/**
 * Where a message is in its life (F31). Inbound messages are always {@link #RECEIVED}; outbound
 * ones move {@code QUEUED → SENDING → SENT → DELIVERED / FAILED}, or start {@code SCHEDULED} and
 * may end {@code CANCELLED}.
 */
public enum MessageStatus {
    /** An inbound message, stored. */
    RECEIVED,
    /** An outbound message waiting for the dispatcher. */
    QUEUED,
    /** An outbound message to be queued at its scheduled time. */
    SCHEDULED,
    /** Claimed by a dispatcher and being submitted to the carrier. */
    SENDING,
    /** Accepted by the carrier. */
    SENT,
    /** Reported delivered to the handset. */
    DELIVERED,
    /** Refused or not delivered; final. */
    FAILED,
    /** A scheduled message cancelled before it was sent; final. */
    CANCELLED;

    /**
     * Tells whether the status belongs to outbound messages.
     *
     * @return true for every status but {@link #RECEIVED}
     */
    public boolean isOutbound() {
        return this != RECEIVED;
    }
}
