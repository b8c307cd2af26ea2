package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.InboxStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * What an outbound message carries, as the send checks left it (F24, F25, F26, F28): the text as it
 * will be sent, its segment count and encoding, the national language shift tables it is written
 * with, and the attachment as the carrier takes it. Declared once here: an {@link OutboxEntry}
 * and a broadcast's {@link BroadcastContent} are each a message content with more, and the checks
 * produce one.
 *
 * <p>Immutable and thread-safe. The text and the media are personal data: they are redacted from
 * {@code toString()}.
 */
@InboxStyle
@Value.Immutable
public interface MessageContent {

    /** @return the text, possibly empty when there is media; redacted from {@code toString()} */
    @Value.Redacted
    String text();

    /** @return the media attachments (at most one today); redacted from {@code toString()} */
    @Value.Redacted
    List<OutboundMedia> media();

    /** @return the number of segments of the text, 0 when there is none */
    int segmentCount();

    /** @return the text's encoding */
    TextEncoding encoding();

    /**
     * The national language shift tables (3GPP TS 23.038) the GSM-7 text was counted with, from the
     * account's enabled tables; handed to the carrier with the text.
     *
     * @return at most one locking and one single shift table, locking first; empty for UCS-2
     */
    List<ShiftTable> shiftTables();

    /**
     * Starts a content.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableMessageContent.Builder builder() {
        return ImmutableMessageContent.builder();
    }
}
