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
 * @param shiftTables the national language shift tables (3GPP TS 23.038) the GSM 7-bit text is
 *     written with, at most one locking and one single shift table, locking first; empty for the
 *     default alphabet and always empty for UCS-2. The segment count already includes the cost of
 *     their header in every segment.
 */
public record OutboundSubmission(
        String idempotencyKey,
        Sender sender,
        String recipient,
        String text,
        List<OutboundMedia> media,
        int segmentCount,
        TextEncoding encoding,
        List<ShiftTable> shiftTables) {

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
     * @param shiftTables the {@code shiftTables} component
     * @throws NullPointerException if an argument, a media element or a table is null
     * @throws IllegalArgumentException if the key is blank, the recipient is not E.164, there is
     *     neither text nor media, the segment count does not fit the text, or the shift tables are
     *     given with UCS-2, for an empty text, or more than one of a kind
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
        shiftTables = List.copyOf(shiftTables);
        if (!shiftTables.isEmpty()) {
            Checks.argument(encoding == TextEncoding.GSM_7 && !text.isEmpty(),
                    "shift tables apply to a GSM-7 text only");
            long locking = shiftTables.stream().filter(ShiftTable::isLockingShift).count();
            Checks.argument(locking <= 1 && shiftTables.size() - locking <= 1,
                    "at most one locking and one single shift table, got " + shiftTables);
            if (shiftTables.size() == 2 && !shiftTables.get(0).isLockingShift()) {
                shiftTables = List.of(shiftTables.get(1), shiftTables.get(0));
            }
        }
    }

    /**
     * A submission written with the default GSM 7-bit alphabet or UCS-2, without national
     * language shift tables; the constructor of the first version of this SPI, kept so that code
     * compiled against it keeps working.
     *
     * @param idempotencyKey the library's message id
     * @param sender the sender id
     * @param recipient the recipient in E.164 form
     * @param text the message text, possibly empty
     * @param media the attachments, possibly empty
     * @param segmentCount the number of segments of the text
     * @param encoding the encoding of the text
     * @throws NullPointerException if an argument or a media element is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public OutboundSubmission(String idempotencyKey, Sender sender, String recipient, String text,
            List<OutboundMedia> media, int segmentCount, TextEncoding encoding) {
        this(idempotencyKey, sender, recipient, text, media, segmentCount, encoding, List.of());
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
        return new OutboundSubmission(idempotencyKey, sender, recipient, text, newMedia, segmentCount, encoding,
                shiftTables);
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
                + ", segmentCount=" + segmentCount + ", encoding=" + encoding + ", shiftTables=" + shiftTables + "]";
    }
}
