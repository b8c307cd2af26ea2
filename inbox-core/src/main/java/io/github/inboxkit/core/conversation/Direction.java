package io.github.inboxkit.core.conversation;

/** Whether a message came from the contact or went to the contact (F20). */
public enum Direction {
    /** From the contact to the account; has a read state. */
    INBOUND,
    /** From the account to the contact; has a delivery status. */
    OUTBOUND
}
