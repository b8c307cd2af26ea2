package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxException;


/**
 * Only inbound messages have a read state (F20); this one is outbound.
 *
 * <p>Immutable and thread-safe.
 */
public final class NotAnInboundMessageException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final MessageId id;

    /**
     * Creates the exception.
     *
     * @param id the id concerned
     */
    public NotAnInboundMessageException(MessageId id) {
        super("Message " + id + " is outbound; only inbound messages can be marked unread");
        this.id = id;
    }

    /** @return the id concerned */
    public MessageId id() {
        return id;
    }
}
