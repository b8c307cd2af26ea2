package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.media.MediaValidator;
import io.github.inboxkit.core.media.ValidatedMedia;
import io.github.inboxkit.core.sending.Attachment;
import io.github.inboxkit.core.sending.EmptyMessageException;
import io.github.inboxkit.core.sending.MmsNotSupportedException;
import io.github.inboxkit.core.sending.TooManySegmentsException;
import java.util.List;
import java.util.Optional;

/**
 * Validates a message's content before anything is stored (F28): not empty, the text within the
 * lower of the account's and the carrier's segment limits, the attachment a real JPEG, PNG or GIF
 * (decided from its bytes) within the lower of the account's and the carrier's size limits, and no
 * attachment at all for a carrier without MMS. Stateless and thread-safe.
 */
public final class ContentCheck {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private ContentCheck() {}

    /**
     * Content that passed the checks.
     *
     * @param text the text
     * @param segmentCount its segments, 0 when empty
     * @param encoding its encoding
     * @param media the attachment as the carrier takes it
     */
    public record Checked(String text, int segmentCount, TextEncoding encoding, List<OutboundMedia> media) {}

    /**
     * Checks content for one carrier and account.
     *
     * @param text the text, possibly empty
     * @param attachment the attachment, if any
     * @param settings the account's settings (its limits)
     * @param carrierId the carrier's id, for messages
     * @param capabilities the carrier's capabilities
     * @return the checked content
     * @throws EmptyMessageException if there is neither text nor attachment
     * @throws TooManySegmentsException if the text is too long
     * @throws MmsNotSupportedException if the carrier sends no MMS, or not that large
     * @throws io.github.inboxkit.core.media.InvalidMediaException if the attachment is not an image
     *     InboxKit accepts, or larger than the account allows
     */
    public static Checked check(String text, Optional<Attachment> attachment, AccountSettings settings,
            String carrierId, CarrierCapabilities capabilities) {
        if (text.isEmpty() && attachment.isEmpty()) {
            throw new EmptyMessageException();
        }
        TextEncoding encoding = isGsm(text) ? TextEncoding.GSM_7 : TextEncoding.UCS_2;
        int segments = segments(text, encoding);
        int maxSegments = Math.min(settings.maxSegments(), capabilities.maxSegments());
        if (segments > maxSegments) {
            throw new TooManySegmentsException(segments, maxSegments);
        }
        List<OutboundMedia> media = List.of();
        if (attachment.isPresent()) {
            if (!capabilities.mms()) {
                throw new MmsNotSupportedException(carrierId, 0);
            }
            MediaValidator validator = MediaValidator.builder().maxBytes(settings.maxMmsBytes()).build();
            Attachment file = attachment.get();
            ValidatedMedia valid = file.declaredContentType().isEmpty()
                    ? validator.validate(file.content())
                    : validator.validate(file.content(), file.declaredContentType());
            if (valid.size() > capabilities.maxMmsBytes()) {
                throw new MmsNotSupportedException(carrierId, capabilities.maxMmsBytes());
            }
            media = List.of(OutboundMedia.inline(valid.mimeType(), valid.content()));
        }
        return new Checked(text, segments, encoding, media);
    }

    private static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int segments(String text, TextEncoding encoding) {
        if (text.isEmpty()) {
            return 0;
        }
        if (encoding == TextEncoding.GSM_7) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
