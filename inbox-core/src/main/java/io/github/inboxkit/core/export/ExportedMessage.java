package io.github.inboxkit.core.export;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.conversation.Message;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One exported message with what a reader of the export needs beside it: the message (its
 * conversation id, contact number, direction, author, status, times, text and media) and its
 * contact's saved name. Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface ExportedMessage {

    /** @return the message as it was when its page was read */
    Message message();

    /** @return the saved name of the contact of the message's number, if the contact has one */
    Optional<String> contactName();

    /**
     * @param message the message
     * @param contactName its contact's name, if any
     * @return the exported message
     */
    static ExportedMessage of(Message message, Optional<String> contactName) {
        return ImmutableExportedMessage.builder().message(message).contactName(contactName).build();
    }

    /** @return where an export that ends with this message resumes */
    default ExportCursor cursor() {
        return new ExportCursor(message().createdAt(), message().id());
    }
}
