package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.core.internal.Require;
import java.util.List;
import org.immutables.value.Value;

/**
 * An inbound message as a carrier delivered it, before ingestion: the carrier's id (the
 * idempotency key, F32), the contact's number as the carrier wrote it, the account's number it
 * was sent to, the text and media references.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface IncomingMessage {

    /** @return the carrier's message id, 1 to 200 characters */
    String carrierMessageId();

    /** @return the contact's number (the sender) in any common formatting; normalised to E.164 on ingestion */
    String contactNumber();

    /** @return the account's number or short code the message was sent to */
    String accountNumber();

    /** @return the text, possibly empty when there is media */
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
     * Converts an inbound message parsed by a carrier adapter from its webhook.
     *
     * @param message the carrier's inbound message
     * @return the message to ingest
     */
    static IncomingMessage of(InboundMessage message) {
        return builder()
                .carrierMessageId(message.carrierMessageId())
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
        Require.identifier(carrierMessageId(), "carrierMessageId", 200);
        Require.identifier(accountNumber(), "accountNumber", 32);
        Require.argument(!text().isEmpty() || !media().isEmpty(), "text", "must not be empty when there is no media");
    }
}
