package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.DraftValidator;
import io.github.inboxkit.core.compose.ValidatedDraft;
import io.github.inboxkit.core.media.MediaValidator;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.MessageContent;
import io.github.inboxkit.core.sending.MmsNotSupportedException;
import io.github.inboxkit.core.sending.UnknownNationalLanguageException;
import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.NationalLanguage;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a message's content before anything is stored (F28): the {@link DraftValidator} with
 * the account's limits, the segment limit lowered to the carrier's if smaller, then the carrier's
 * MMS capabilities. The text is counted with the national language shift tables the account
 * enables, and the tables it ends up written with go to the carrier with it. Stateless and
 * thread-safe.
 */
final class ContentCheck {

    private ContentCheck() {}

    /**
     * Checked content as a broadcast stores it for its copies.
     *
     * @param content what passed the checks
     * @param carrierId the carrier that sends every copy
     * @param author who sent the broadcast
     * @param category the category of every copy (F41)
     * @return the broadcast's content
     */
    static BroadcastContent forBroadcast(MessageContent content, String carrierId, Optional<UserId> author,
            MessageCategory category) {
        return BroadcastContent.builder().from(content).carrierId(carrierId).author(author).category(category).build();
    }

    /**
     * Checks a draft for one carrier and account.
     *
     * @param draft the draft
     * @param settings the account's settings (its limits)
     * @param carrierId the carrier's id, for messages
     * @param capabilities the carrier's capabilities
     * @return the checked content: the text as it will be sent (after smart encoding, if the
     *     account enables it), its segments (0 when empty), encoding and shift tables, and the
     *     attachment as the carrier takes it
     * @throws io.github.inboxkit.core.compose.EmptyDraftException if there is neither text nor attachment
     * @throws io.github.inboxkit.core.compose.TooManySegmentsException if the text is too long
     * @throws io.github.inboxkit.core.media.InvalidMediaException if the attachment is not an image
     *     InboxKit accepts, or larger than the account allows
     * @throws MmsNotSupportedException if the carrier sends no MMS, or not that large
     * @throws UnknownNationalLanguageException if the account enables a table InboxKit does not know
     */
    static MessageContent check(Draft draft, AccountSettings settings, String carrierId,
            CarrierCapabilities capabilities) {
        ValidatedDraft valid = DraftValidator.builder()
                .segmentCounter(SegmentCounter.builder().smartEncoding(settings.smartEncoding())
                        .nationalLanguageTables(languages(settings.nationalLanguageTables())).build())
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
        List<ShiftTable> tables = text.isEmpty() ? List.of() : shiftTables(valid.count());
        return MessageContent.builder().text(text).segmentCount(text.isEmpty() ? 0 : valid.count().segmentCount())
                .encoding(encoding).shiftTables(tables).media(media).build();
    }

    /** The carrier's names of the shift tables a count used, locking first; empty for UCS-2. */
    static List<ShiftTable> shiftTables(SegmentCount count) {
        List<ShiftTable> tables = new ArrayList<>();
        if (count.encoding() == Encoding.GSM_7) {
            count.lockingShiftTable().ifPresent(language -> tables.add(lockingShift(language)));
            count.singleShiftTable().ifPresent(language -> tables.add(singleShift(language)));
        }
        return List.copyOf(tables);
    }

    /**
     * Reads the account's table names, case-insensitively ({@code "TURKISH"}, {@code "turkish"}).
     * AccountSettings takes any string, so an unknown name is refused here, at first use.
     */
    static Set<NationalLanguage> languages(List<String> names) {
        Set<NationalLanguage> languages = EnumSet.noneOf(NationalLanguage.class);
        for (String name : names) {
            try {
                languages.add(NationalLanguage.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UnknownNationalLanguageException(name);
            }
        }
        return languages;
    }

    private static ShiftTable lockingShift(NationalLanguage language) {
        return switch (language) {
            case TURKISH -> ShiftTable.TURKISH_LOCKING;
            case PORTUGUESE -> ShiftTable.PORTUGUESE_LOCKING;
            case SPANISH -> throw new IllegalStateException("TS 23.038 defines no Spanish locking shift table");
        };
    }

    private static ShiftTable singleShift(NationalLanguage language) {
        return switch (language) {
            case TURKISH -> ShiftTable.TURKISH_SINGLE;
            case SPANISH -> ShiftTable.SPANISH_SINGLE;
            case PORTUGUESE -> ShiftTable.PORTUGUESE_SINGLE;
        };
    }
}
