package io.github.inboxkit.export;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.export.ExportedMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of one exported message, in order: the one list the CSV columns and the JSON Lines
 * keys are made from, so that both formats say the same. An enum name or a status a later version
 * adds (a note, say) is written as its name, never refused.
 */
enum ExportField {
    MESSAGE_ID(message -> message.id().toString()),
    CONVERSATION_ID(message -> message.conversationId().toString()),
    SEQUENCE(Message::sequence),
    CREATED_AT(Message::createdAt),
    DIRECTION(message -> message.direction().name()),
    STATUS(message -> message.status().name()),
    CONTACT_PHONE(message -> message.contactPhone().e164()),
    CONTACT_NAME(null),
    AUTHOR(message -> message.author().map(UserId::value)),
    SENDER_ID(Message::senderId),
    TEXT(Message::text),
    MEDIA(Message::media),
    READ(Message::read),
    CARRIER_MESSAGE_ID(Message::carrierMessageId),
    CARRIER_RECEIVED_AT(Message::carrierReceivedAt),
    SCHEDULED_FOR(Message::scheduledFor),
    BROADCAST(Message::broadcastLabel);

    /** The fields, in order. */
    static final List<ExportField> ALL = List.of(values());

    private final Function<Message, Object> value;

    ExportField(Function<Message, Object> value) {
        this.value = value;
    }

    /** @return the column's header and the JSON key: the name in lower snake case */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The field's value: a String, a Long, a Boolean, an Instant, a list of media references, or
     * null when absent.
     *
     * @param exported the exported message
     * @return the value, or null
     */
    Object valueOf(ExportedMessage exported) {
        Object found = this == CONTACT_NAME ? exported.contactName() : value.apply(exported.message());
        if (found instanceof Optional<?> optional) {
            return optional.orElse(null);
        }
        return found;
    }

    /**
     * The field's value as one text cell: an instant in ISO-8601 UTC, a boolean as {@code true} or
     * {@code false}, media as one {@code mimeType location} per line.
     *
     * @param exported the exported message
     * @return the text, or null when absent
     */
    String textOf(ExportedMessage exported) {
        Object found = valueOf(exported);
        if (found instanceof List<?> media) {
            return media.isEmpty() ? null : media.stream()
                    .map(reference -> ((MediaReference) reference).mimeType() + " " + ((MediaReference) reference).location())
                    .collect(Collectors.joining("\n"));
        }
        return found == null ? null : found instanceof Instant instant ? instant.toString() : found.toString();
    }
}
