package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.text.TextPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An inbound message as a carrier delivered it, before ingestion: which carrier, the carrier's
 * message id (together the idempotency key, F32), the contact's number as the carrier wrote it, the
 * account's number it was sent to, the text, media references and when the carrier received it.
 *
 * <p><b>Idempotency.</b> A repeated delivery is recognised by {@link #idempotencyKey()}: the
 * carrier message id alone for the {@linkplain #DEFAULT_CARRIER default carrier} (an engine with
 * one carrier), else {@code carrierId + ":" + carrierMessageId}, so that two carriers that happen to
 * use the same message id never swallow each other's messages. The key is what a stored message
 * keeps as its {@link Message#carrierMessageId()}; it is at most 200 characters.
 *
 * <p><b>Times.</b> The carrier's {@link #receivedAt()} is kept on the message ({@link
 * Message#carrierReceivedAt()}) to be shown; the conversation's activity and the inbox order use
 * the engine's clock at ingestion ({@link Message#createdAt()}), because carriers' clocks differ and
 * retried webhooks arrive late, and pages are only stable if activity never moves back in time.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface IncomingMessage {

    /** The carrier id of messages that do not name their carrier. */
    String DEFAULT_CARRIER = "default";

    /**
     * The id of the carrier that delivered the message ({@link
     * io.github.inboxkit.carrier.Carrier#id()}).
     *
     * @return the carrier's id, 1 to 64 characters; {@link #DEFAULT_CARRIER} when not given
     */
    @Value.Default
    default String carrierId() {
        return DEFAULT_CARRIER;
    }

    /** @return the carrier's message id, 1 to 200 characters */
    String carrierMessageId();

    /** @return when the carrier received the message, if it said so */
    Optional<Instant> receivedAt();

    /**
     * The key that makes ingestion idempotent (F32); see the type's description.
     *
     * @return the carrier message id, prefixed with the carrier id unless it is the default carrier
     */
    default String idempotencyKey() {
        return carrierId().equals(DEFAULT_CARRIER) ? carrierMessageId() : carrierId() + ":" + carrierMessageId();
    }

    /** @return the contact's number (the sender) in any common formatting; normalised to E.164 on ingestion */
    String contactNumber();

    /** @return the account's number or short code the message was sent to */
    String accountNumber();

    /**
     * The text as the carrier delivered it. Ingestion never refuses it: the NUL character and
     * unpaired surrogates are replaced by U+FFFD and text beyond the engine's maximum inbound length
     * is cut, and the stored message says so in {@link Message#textRepairs()}.
     *
     * @return the text, possibly empty when there is media
     */
    String text();

    /** @return media references, possibly empty */
    List<MediaReference> media();

    /**
     * Starts building a message.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableIncomingMessage.Builder builder() {
        return ImmutableIncomingMessage.builder();
    }

    /**
     * Converts an inbound message parsed by the default carrier's adapter from its webhook, keeping
     * the carrier's reception time.
     *
     * @param message the carrier's inbound message
     * @return the message to ingest
     * @throws io.github.inboxkit.core.InvalidValueException if a part is out of range
     */
    static IncomingMessage of(InboundMessage message) {
        return of(DEFAULT_CARRIER, message);
    }

    /**
     * Converts an inbound message parsed by a carrier adapter from its webhook, keeping the
     * carrier's reception time; the carrier id scopes the message id's idempotency.
     *
     * @param carrierId the id of the carrier that parsed it ({@link io.github.inboxkit.carrier.Carrier#id()})
     * @param message the carrier's inbound message
     * @return the message to ingest
     * @throws io.github.inboxkit.core.InvalidValueException if a part is out of range
     */
    static IncomingMessage of(String carrierId, InboundMessage message) {
        return builder()
                .carrierId(carrierId)
                .carrierMessageId(message.carrierMessageId())
                .receivedAt(message.receivedAt())
                .contactNumber(message.from())
                .accountNumber(message.to())
                .text(message.text())
                .media(message.media().stream()
                        .map(media -> new MediaReference(media.contentType(), media.url().toString()))
                        .toList())
                .build();
    }

    /** Checks the parts. */
    @Value.Check
    default void check() {
        // identifiers are refused, not repaired: two ids repaired alike would make two messages one
        TextPolicy.requireStorable(carrierId(), "carrierId");
        TextPolicy.requireStorable(carrierMessageId(), "carrierMessageId");
        TextPolicy.requireStorable(accountNumber(), "accountNumber");
        Require.identifier(carrierId(), "carrierId", 64);
        Require.identifier(carrierMessageId(), "carrierMessageId", 200);
        Require.argument(idempotencyKey().length() <= 200, "carrierMessageId",
                "must be at most " + (199 - carrierId().length()) + " characters with carrier " + carrierId());
        Require.identifier(accountNumber(), "accountNumber", 32);
        Require.argument(!text().isEmpty() || !media().isEmpty(), "text", "must not be empty when there is no media");
    }
}
