package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxException;


/**
 * No message of the account has this id; a message of another account behaves exactly as a missing one (F33).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchMessageException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final MessageId id;

    /**
     * Creates the exception.
     *
     * @param id the id concerned
     */
    public NoSuchMessageException(MessageId id) {
        super("No message with id " + id + " in this account");
        this.id = id;
    }

    /** @return the id concerned */
    public MessageId id() {
        return id;
    }
}
