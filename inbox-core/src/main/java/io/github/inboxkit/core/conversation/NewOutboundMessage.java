package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An outbound message to record in the contact's thread: to whom, what, from which sender ID, by
 * whom, and in which status. How it leaves (outbox, dispatcher) is the sending pipeline's business.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface NewOutboundMessage {

    /** @return the contact's number */
    PhoneNumber to();

    /** @return the text; empty only when there is media */
    @Value.Default
    default String text() {
        return "";
    }

    /** @return media references, possibly empty */
    List<MediaReference> media();

    /** @return the sender ID it leaves from, if chosen */
    Optional<String> senderId();

    /** @return the user who wrote it, if a user did */
    Optional<UserId> author();

    /** @return the status to record; SENT by default. Must be an outbound status. */
    @Value.Default
    default MessageStatus status() {
        return MessageStatus.SENT;
    }

    /** @return the carrier's id, if the carrier accepted it already */
    Optional<String> carrierMessageId();

    /** @return the broadcast it belongs to (F19) */
    Optional<String> broadcastLabel();

    /** @return when it is due, for a scheduled message (F27) */
    Optional<Instant> scheduledFor();

    /**
     * Starts building a message.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableNewOutboundMessage.Builder builder() {
        return ImmutableNewOutboundMessage.builder();
    }
}
