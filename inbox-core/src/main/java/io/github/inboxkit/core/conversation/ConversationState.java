package io.github.inboxkit.core.conversation;

/** The tab a conversation is in (F2). */
public enum ConversationState {
    /** In the "open" tab: needs attention. New activity moves a closed conversation here (F3). */
    OPEN,
    /** In the "closed" tab: dealt with. It can still send and receive. */
    CLOSED
}
