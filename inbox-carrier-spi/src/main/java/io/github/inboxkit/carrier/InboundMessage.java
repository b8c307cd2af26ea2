package io.github.inboxkit.carrier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message a contact sent to one of the account's sender ids, as parsed from a webhook. Immutable
 * and thread-safe. The engine keys ingestion by {@link #carrierMessageId()}, so a webhook delivered
 * twice creates one message (F32).
 *
 * @param carrierMessageId the carrier's id for the message, non-blank and stable across redeliveries
 * @param from the contact's number in E.164 form
 * @param to the sender id that received it: an E.164 long code or a short code's digits
 * @param text the text, possibly empty when the message is media only
 * @param media the attachments, possibly empty
 * @param receivedAt when the carrier received it
 */
public record InboundMessage(
        String carrierMessageId, String from, String to, String text, List<InboundMedia> media, Instant receivedAt) {

    /**
     * Validates.
     *
     * @param carrierMessageId the {@code carrierMessageId} component
     * @param from the {@code from} component
     * @param to the {@code to} component
     * @param text the {@code text} component
     * @param media the {@code media} component
     * @param receivedAt the {@code receivedAt} component
     * @throws NullPointerException if an argument or a media element is null
     * @throws IllegalArgumentException if the id or recipient is blank, {@code from} is not E.164, or
     *     there is neither text nor media
     */
    public InboundMessage {
        Checks.nonBlank(carrierMessageId, "carrierMessageId");
        Checks.e164(from, "from");
        Checks.nonBlank(to, "to");
        Objects.requireNonNull(text, "text");
        media = List.copyOf(media);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Checks.argument(!text.isEmpty() || !media.isEmpty(), "an inbound message has text or media");
    }

    @Override
    public String toString() {
        // No numbers or text: personal data stays out of logs.
        return "InboundMessage[carrierMessageId=" + carrierMessageId + ", textLength=" + text.length()
                + ", media=" + media.size() + ", receivedAt=" + receivedAt + "]";
    }
}
