package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.DraftValidator;
import io.github.inboxkit.core.compose.ValidatedDraft;
import io.github.inboxkit.core.media.MediaValidator;
import io.github.inboxkit.core.sending.MmsNotSupportedException;
import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.SegmentCounter;
import java.util.List;

/**
 * Validates a message's content before anything is stored (F28): the {@link DraftValidator} with
 * the account's limits, the segment limit lowered to the carrier's if smaller, then the carrier's
 * MMS capabilities. National language shift tables are not used for sending: the carrier SPI
 * submits GSM-7 or UCS-2 only. Stateless and thread-safe.
 */
final class ContentCheck {

    private ContentCheck() {}

    /**
     * Content that passed the checks.
     *
     * @param text the text as it will be sent (after smart encoding, if the account enables it)
     * @param segmentCount its segments, 0 when empty
     * @param encoding its encoding
     * @param media the attachment as the carrier takes it
     */
    record Checked(String text, int segmentCount, TextEncoding encoding, List<OutboundMedia> media) {}

    /**
     * Checks a draft for one carrier and account.
     *
     * @param draft the draft
     * @param settings the account's settings (its limits)
     * @param carrierId the carrier's id, for messages
     * @param capabilities the carrier's capabilities
     * @return the checked content
     * @throws io.github.inboxkit.core.compose.EmptyDraftException if there is neither text nor attachment
     * @throws io.github.inboxkit.core.compose.TooManySegmentsException if the text is too long
     * @throws io.github.inboxkit.core.media.InvalidMediaException if the attachment is not an image
     *     InboxKit accepts, or larger than the account allows
     * @throws MmsNotSupportedException if the carrier sends no MMS, or not that large
     */
    static Checked check(Draft draft, AccountSettings settings, String carrierId,
            CarrierCapabilities capabilities) {
        ValidatedDraft valid = DraftValidator.builder()
                .segmentCounter(SegmentCounter.builder().smartEncoding(settings.smartEncoding()).build())
                .mediaValidator(MediaValidator.builder().maxBytes(settings.maxMmsBytes()).build())
                .maxSegments(Math.min(Math.min(settings.maxSegments(), capabilities.maxSegments()),
                        DraftValidator.MAX_MAX_SEGMENTS))
                .build()
                .validate(draft);
        List<OutboundMedia> media = List.of();
        if (valid.media().isPresent()) {
            if (!capabilities.mms()) {
                throw new MmsNotSupportedException(carrierId, 0);
            }
            if (valid.media().get().size() > capabilities.maxMmsBytes()) {
                throw new MmsNotSupportedException(carrierId, capabilities.maxMmsBytes());
            }
            media = List.of(valid.media().get().toOutboundMedia());
        }
        String text = valid.text();
        TextEncoding encoding = valid.count().encoding() == Encoding.GSM_7 ? TextEncoding.GSM_7 : TextEncoding.UCS_2;
        return new Checked(text, text.isEmpty() ? 0 : valid.count().segmentCount(), encoding, media);
    }
}
