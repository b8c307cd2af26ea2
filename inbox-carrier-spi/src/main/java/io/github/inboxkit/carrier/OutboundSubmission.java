package io.github.inboxkit.carrier;

import java.util.List;
import java.util.Objects;

/**
 * One outbound message, as the library hands it to {@link Carrier#submit}. Immutable and
 * thread-safe.
 *
 * <p>The text may be empty when the message is media only; a submission always has text or media.
 * The segment information is what the library computed for the text (zero segments for a
 * media-only message); carriers may use it to bill or to refuse oversize messages, without
 * recounting.
 *
 * @param idempotencyKey the library's message id; the same key is resubmitted after a crash or
 *     time-out and must not cause a second send
 * @param sender the sender id to send from
 * @param recipient the recipient in E.164 form
 * @param text the message text, possibly empty
 * @param media the attachments, possibly empty (an MMS when not)
 * @param segmentCount the number of segments of the text; 0 only when the text is empty
 * @param encoding the encoding the library chose for the text
 */
public record OutboundSubmission(
        String idempotencyKey,
        Sender sender,
        String recipient,
        String text,
        List<OutboundMedia> media,
        int segmentCount,
        TextEncoding encoding) {

    /**
     * Validates the submission.
     *
     * @param idempotencyKey the {@code idempotencyKey} component
     * @param sender the {@code sender} component
     * @param recipient the {@code recipient} component
     * @param text the {@code text} component
     * @param media the {@code media} component
     * @param segmentCount the {@code segmentCount} component
     * @param encoding the {@code encoding} component
     * @throws NullPointerException if an argument or a media element is null
     * @throws IllegalArgumentException if the key is blank, the recipient is not E.164, there is
     *     neither text nor media, or the segment count does not fit the text
     */
    public OutboundSubmission {
        Checks.nonBlank(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(sender, "sender");
        Checks.e164(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        media = List.copyOf(media);
        Objects.requireNonNull(encoding, "encoding");
        Checks.argument(!text.isEmpty() || !media.isEmpty(), "a submission needs text or media");
        Checks.argument(text.isEmpty() ? segmentCount == 0 : segmentCount >= 1,
                "segmentCount must be 0 for an empty text and at least 1 otherwise, was " + segmentCount);
    }

    /**
     * A text-only message (SMS).
     *
     * @param idempotencyKey the library's message id
     * @param sender the sender id
     * @param recipient the recipient in E.164 form
     * @param text the non-empty text
     * @param segmentCount its number of segments
     * @param encoding its encoding
     * @return the submission
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static OutboundSubmission sms(String idempotencyKey, Sender sender, String recipient, String text,
            int segmentCount, TextEncoding encoding) {
        return new OutboundSubmission(idempotencyKey, sender, recipient, text, List.of(), segmentCount, encoding);
    }

    /**
     * A copy of this submission with other attachments (an MMS when not empty).
     *
     * @param newMedia the attachments
     * @return the new submission
     * @throws IllegalArgumentException if the result would have neither text nor media
     */
    public OutboundSubmission withMedia(List<OutboundMedia> newMedia) {
        return new OutboundSubmission(idempotencyKey, sender, recipient, text, newMedia, segmentCount, encoding);
    }

    /**
     * Whether this is an MMS.
     *
     * @return true when there is at least one attachment
     */
    public boolean isMms() {
        return !media.isEmpty();
    }

    /**
     * The total size of the attachments.
     *
     * @return the sum of {@link OutboundMedia#sizeBytes()}, as a long so it cannot overflow
     */
    public long mediaBytes() {
        return media.stream().mapToLong(OutboundMedia::sizeBytes).sum();
    }

    @Override
    public String toString() {
        // No recipient or text: submissions end up in logs and exception messages.
        return "OutboundSubmission[idempotencyKey=" + idempotencyKey + ", sender=" + sender.kind()
                + ", textLength=" + text.length() + ", media=" + media.size()
                + ", segmentCount=" + segmentCount + ", encoding=" + encoding + "]";
    }
}
