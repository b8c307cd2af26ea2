package io.github.inboxkit.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.media.InvalidMediaException;
import io.github.inboxkit.core.media.MediaType;
import io.github.inboxkit.core.media.MediaValidator;
import io.github.inboxkit.core.media.TestImages;
import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.MalformedTextException;
import io.github.inboxkit.core.text.SegmentCounter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DraftValidatorTest {

    private static final byte[] PNG = TestImages.image(MediaType.PNG, 40, 30);

    private final DraftValidator validator = DraftValidator.standard();

    @Test
    @DisplayName("F28 a draft with neither text nor attachment is refused as empty")
    void nothingAtAll() {
        assertThatThrownBy(() -> validator.validate(Draft.builder().build()))
                .isInstanceOf(EmptyDraftException.class)
                .isInstanceOf(InboxException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \n\t\r ", "\u00A0\u2003", "\u200B\u200D\uFEFF", "\u3000"})
    @DisplayName("F28 text of spaces, line breaks or invisible characters alone is an empty draft")
    void invisibleTextIsEmpty(String text) {
        assertThatThrownBy(() -> validator.validate(Draft.ofText(text))).isInstanceOf(EmptyDraftException.class);
    }

    @Test
    @DisplayName("F28 text alone is accepted with its segment count")
    void textOnly() {
        ValidatedDraft draft = validator.validate(Draft.ofText("See you at 10:00 tomorrow"));

        assertThat(draft.text()).isEqualTo("See you at 10:00 tomorrow");
        assertThat(draft.count()).isEqualTo(SegmentCounter.standard().count("See you at 10:00 tomorrow"));
        assertThat(draft.count().segmentCount()).isEqualTo(1);
        assertThat(draft.media()).isEmpty();
        assertThat(draft.toString()).doesNotContain("See you");
    }

    @Test
    @DisplayName("F28 an attachment alone is accepted; blank text beside it is dropped")
    void attachmentOnly() {
        ValidatedDraft alone = validator.validate(Draft.builder().attachment(Attachment.of(PNG, "image/png")).build());
        ValidatedDraft withBlankText = validator.validate(
                Draft.builder().text("  \n").attachment(Attachment.of(PNG, "image/png")).build());

        assertThat(alone.text()).isEmpty();
        assertThat(alone.count().segmentCount()).isZero();
        assertThat(alone.media()).get().extracting(m -> m.width()).isEqualTo(40);
        assertThat(withBlankText).isEqualTo(alone);
    }

    @Test
    @DisplayName("F28 text and attachment together are both validated")
    void textAndAttachment() {
        ValidatedDraft draft = validator.validate(
                Draft.builder().text("Your receipt").attachment(Attachment.of(PNG, "IMAGE/PNG")).build());

        assertThat(draft.text()).isEqualTo("Your receipt");
        assertThat(draft.media()).get().extracting(m -> m.mimeType()).isEqualTo("image/png");
    }

    @Test
    @DisplayName("F28 the default limit is 10 segments: 1,530 GSM characters pass, 1,531 are refused")
    void defaultSegmentLimitGsm() {
        assertThat(validator.maxSegments()).isEqualTo(10);
        assertThat(validator.validate(Draft.ofText("a".repeat(1530))).count().segmentCount()).isEqualTo(10);

        TooManySegmentsException refused = catchThrowableOfType(
                TooManySegmentsException.class, () -> validator.validate(Draft.ofText("a".repeat(1531))));

        assertThat(refused).isInstanceOf(InboxException.class);
        assertThat(refused.segments()).isEqualTo(11);
        assertThat(refused.limit()).isEqualTo(10);
        assertThat(refused.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(refused).hasMessageContaining("11 SMS segments").hasMessageContaining("at most 10");
    }

    @Test
    @DisplayName("F28 in UCS-2 the limit is reached sooner: 670 units pass, 671 are refused, and the message says why")
    void defaultSegmentLimitUcs2() {
        assertThat(validator.validate(Draft.ofText("ç" + "a".repeat(669))).count().segmentCount()).isEqualTo(10);

        TooManySegmentsException refused = catchThrowableOfType(
                TooManySegmentsException.class, () -> validator.validate(Draft.ofText("ç" + "a".repeat(670))));

        assertThat(refused.segments()).isEqualTo(11);
        assertThat(refused.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(refused).hasMessageContaining("outside the GSM alphabet");
    }

    @Test
    @DisplayName("F28 the segment limit is configurable")
    void configurableLimit() {
        DraftValidator oneSegment = DraftValidator.builder().maxSegments(1).build();

        assertThat(oneSegment.validate(Draft.ofText("a".repeat(160))).count().segmentCount()).isEqualTo(1);
        assertThat(catchThrowableOfType(
                                TooManySegmentsException.class, () -> oneSegment.validate(Draft.ofText("a".repeat(161))))
                        .segments())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("a segment limit outside 1..255 is refused when it is given")
    void limitRange() {
        assertThatThrownBy(() -> DraftValidator.builder().maxSegments(0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("maxSegments"));
        assertThatThrownBy(() -> DraftValidator.builder().maxSegments(256))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("maxSegments");
    }

    @Test
    @DisplayName("F28 malformed text (a lone surrogate) is refused with the counter's MalformedTextException")
    void malformedText() {
        MalformedTextException refused = catchThrowableOfType(
                MalformedTextException.class, () -> validator.validate(Draft.ofText("Hi \uD83D there")));

        assertThat(refused).isInstanceOf(InboxException.class);
        assertThat(refused.index()).isEqualTo(3);
    }

    @Test
    @DisplayName("F28 an invalid attachment is refused with InvalidMediaException, even beside valid text")
    void invalidAttachment() {
        Draft webp = Draft.builder()
                .text("Look")
                .attachment(Attachment.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "image/webp"))
                .build();
        Draft mislabelled = Draft.builder().attachment(Attachment.of(PNG, "image/gif")).build();

        assertThat(catchThrowableOfType(InvalidMediaException.class, () -> validator.validate(webp)).reason())
                .isEqualTo(InvalidMediaException.Reason.UNSUPPORTED_FORMAT);
        assertThat(catchThrowableOfType(InvalidMediaException.class, () -> validator.validate(mislabelled)).reason())
                .isEqualTo(InvalidMediaException.Reason.DECLARED_TYPE_MISMATCH);
    }

    @Test
    @DisplayName("F28 oversize media is refused with the limit of the configured media validator")
    void oversizeMedia() {
        DraftValidator small = DraftValidator.builder()
                .mediaValidator(MediaValidator.builder().maxBytes(PNG.length - 1).build())
                .build();

        InvalidMediaException refused = catchThrowableOfType(
                InvalidMediaException.class,
                () -> small.validate(Draft.builder().attachment(Attachment.of(PNG, "image/png")).build()));

        assertThat(refused.reason()).isEqualTo(InvalidMediaException.Reason.TOO_LARGE);
        assertThat(refused.maxBytes()).isEqualTo(PNG.length - 1);
    }

    @Test
    @DisplayName("F28 with the account's smart encoding the validated text is the text that will be sent")
    void smartEncodedText() {
        DraftValidator smart = DraftValidator.builder()
                .segmentCounter(SegmentCounter.builder().smartEncoding(true).build())
                .build();

        ValidatedDraft draft = smart.validate(Draft.ofText("\u201CHello\u201D \u2014 it\u2019s me"));

        assertThat(draft.text()).isEqualTo("\"Hello\" - it's me");
        assertThat(draft.count().encoding()).isEqualTo(Encoding.GSM_7);
    }

    @Test
    @DisplayName("drafts and attachments never print message text or bytes")
    void toStrings() {
        Draft draft = Draft.builder().text("secret").attachment(Attachment.of(PNG, "image/png")).build();

        assertThat(draft.toString()).doesNotContain("secret").contains("6 chars", "image/png");
        assertThat(Attachment.of(new byte[] {1, 2, 3}, "image/png")).hasToString("Attachment[image/png, 3 bytes]");
    }

    @Property(tries = 200)
    @Label("F28 any text is accepted within the limit or refused with a typed error, and never accepted over it")
    void acceptedDraftsRespectTheLimit(
            @ForAll @StringLength(max = 400) String text, @ForAll @IntRange(min = 1, max = 4) int maxSegments) {
        DraftValidator limited = DraftValidator.builder().maxSegments(maxSegments).build();
        try {
            ValidatedDraft draft = limited.validate(Draft.ofText(text));
            assertThat(draft.count().segmentCount()).isBetween(1, maxSegments);
            assertThat(draft.text()).isEqualTo(text);
        } catch (TooManySegmentsException tooMany) {
            assertThat(tooMany.segments()).isGreaterThan(maxSegments).isEqualTo(SegmentCounter.standard().count(text).segmentCount());
        } catch (EmptyDraftException empty) {
            assertThat(DraftValidator.isInvisible(text)).isTrue();
        } catch (MalformedTextException malformed) {
            // the NUL character is refused as well as an unpaired surrogate: no store can keep it
            char refused = text.charAt(malformed.index());
            assertThat(refused == '\u0000' || Character.isSurrogate(refused)).isTrue();
            assertThat(malformed.problem()).isEqualTo(refused == '\u0000'
                    ? MalformedTextException.Problem.NUL_CHARACTER : MalformedTextException.Problem.UNPAIRED_SURROGATE);
            assertThat(malformed.field()).isEqualTo("text");
        }
    }
}
