package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxException;


/**
 * No conversation of the account has this id; a conversation of another account behaves exactly as a missing one (F33).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchConversationException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ConversationId id;

    /**
     * Creates the exception.
     *
     * @param id the id concerned
     */
    public NoSuchConversationException(ConversationId id) {
        super("No conversation with id " + id + " in this account");
        this.id = id;
    }

    /** @return the id concerned */
    public ConversationId id() {
        return id;
    }
}
