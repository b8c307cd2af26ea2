package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.text.TextRepair;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One message of a conversation, inbound or outbound (F20).
 *
 * <p>Inbound messages have a read state and status {@link MessageStatus#RECEIVED}; outbound
 * messages are always {@link #read()} and carry a delivery status (F31).
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Message {

    /** @return the message's id */
    MessageId id();

    /** @return the conversation the message belongs to */
    ConversationId conversationId();

    /** @return the position of the message in its conversation, from 1, without gaps at insertion */
    long sequence();

    /** @return the contact's phone number (the conversation's) */
    PhoneNumber contactPhone();

    /** @return inbound or outbound */
    Direction direction();

    /** @return the text, possibly empty when the message has media */
    String text();

    /** @return the attachments, possibly empty */
    List<MediaReference> media();

    /**
     * The account's side of the message: for an outbound message, the sender ID it leaves from
     * (empty until chosen); for an inbound message, the number or short code it was sent to.
     *
     * @return the sender ID as text
     */
    Optional<String> senderId();

    /**
     * The carrier's id of the message: given on receipt for inbound messages (unique per account,
     * F32; {@link IncomingMessage#idempotencyKey()}, which names the carrier unless it is the
     * default one), on acceptance for outbound ones.
     *
     * @return the carrier's id
     */
    Optional<String> carrierMessageId();

    /** @return the life-cycle status */
    MessageStatus status();

    /** @return whether a user has read it; always true for outbound messages */
    boolean read();

    /** @return the user who wrote an outbound message, if a user did */
    Optional<UserId> author();

    /** @return the name of the broadcast an outbound message was part of (F19) */
    Optional<String> broadcastLabel();

    /** @return when a scheduled outbound message is due (F27) */
    Optional<Instant> scheduledFor();

    /**
     * When the carrier received an inbound message, as it said; shown to users, never used for
     * ordering.
     *
     * @return the carrier's time, if the carrier gave one
     */
    Optional<Instant> carrierReceivedAt();

    /** @return when InboxKit stored the message, by the engine's clock; counts as the conversation's activity */
    Instant createdAt();

    /**
     * What InboxKit changed in the text of an inbound message before storing it: characters no
     * store can keep replaced by U+FFFD, or text beyond the engine's maximum inbound length cut.
     * Empty when {@link #text()} is exactly what the carrier delivered, and always empty for
     * outbound messages, whose text is refused rather than repaired.
     *
     * @return the repairs, empty for most messages
     */
    Set<TextRepair> textRepairs();

    /**
     * Starts building a message.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableMessage.Builder builder() {
        return ImmutableMessage.builder();
    }

    /** Checks consistency of direction, status and read state. */
    @Value.Check
    default void check() {
        Require.argument(sequence() >= 1, "sequence", "must be at least 1");
        Require.argument(!text().isEmpty() || !media().isEmpty(), "text", "must not be empty when there is no media");
        Require.argument((direction() == Direction.OUTBOUND) == status().isOutbound(),
                "status", "must be RECEIVED for inbound messages and an outbound status for outbound ones");
        Require.argument(direction() == Direction.INBOUND || read(), "read", "must be true for outbound messages");
        carrierMessageId().ifPresent(id -> Require.identifier(id, "carrierMessageId", 200));
        broadcastLabel().ifPresent(label -> Require.identifier(label, "broadcastLabel", 200));
        senderId().ifPresent(id -> Require.identifier(id, "senderId", 32));
        Require.argument(direction() == Direction.INBOUND || textRepairs().isEmpty(), "textRepairs",
                "must be empty for outbound messages: their text is refused, never repaired");
    }
}
