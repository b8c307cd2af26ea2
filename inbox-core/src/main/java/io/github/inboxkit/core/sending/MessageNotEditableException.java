package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;

/**
 * A scheduled message could not be edited, rescheduled or cancelled because it is no longer
 * SCHEDULED: it is being sent, was sent, failed or was cancelled (F27). Nothing was changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class MessageNotEditableException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final MessageId messageId;
    private final MessageStatus status;

    /**
     * Creates the exception.
     *
     * @param messageId the message
     * @param status its status now
     */
    public MessageNotEditableException(MessageId messageId, MessageStatus status) {
        super("Message " + messageId + " can no longer be changed: it is " + status
                + (status == MessageStatus.SENDING ? " (being sent right now)" : "")
                + "; only a SCHEDULED message can be edited or cancelled");
        this.messageId = messageId;
        this.status = status;
    }

    /** @return the message */
    public MessageId messageId() {
        return messageId;
    }

    /** @return its status when the change was refused */
    public MessageStatus status() {
        return status;
    }
}
