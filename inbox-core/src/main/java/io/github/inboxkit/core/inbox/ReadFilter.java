package io.github.inboxkit.core.inbox;

/** Which conversations to list by read state (F7). */
public enum ReadFilter {
    /** Every conversation. */
    ALL,
    /** Conversations with at least one unread message. */
    UNREAD,
    /** Conversations with no unread message. */
    READ
}
