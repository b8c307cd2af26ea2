package io.github.inboxkit.core.compose;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.text.TextPolicy;
import io.github.inboxkit.core.media.InvalidMediaException;
import io.github.inboxkit.core.media.MediaValidator;
import io.github.inboxkit.core.media.ValidatedMedia;
import io.github.inboxkit.core.text.MalformedTextException;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
import java.util.Objects;

/**
 * Checks a {@link Draft} before it may be sent (F28): it must have content, its text must be
 * well-formed and fit in the segment limit (10 by default), and its attachment must be a valid
 * MMS image.
 *
 * <p>Checks run in this order and the first failure is thrown: empty draft ({@link
 * EmptyDraftException}), malformed text: a NUL character or an unpaired surrogate ({@link
 * MalformedTextException}), too many
 * segments ({@link TooManySegmentsException}), invalid attachment ({@link InvalidMediaException}).
 * Text that is only invisible characters (spaces, line breaks, zero-width and other format
 * characters) counts as no text: alone it is an empty draft, beside an attachment it is dropped.
 * The segment limit applies to the text of an MMS too, which keeps every message within what a
 * carrier splits into SMS when a handset cannot receive MMS.
 *
 * <p>Immutable and thread-safe; build one per account configuration and keep it.
 */
public final class DraftValidator {

    /** The default segment limit. */
    public static final int DEFAULT_MAX_SEGMENTS = 10;

    /** The largest segment limit: concatenated SMS number their parts in one byte. */
    public static final int MAX_MAX_SEGMENTS = 255;

    private static final DraftValidator STANDARD =
            new DraftValidator(SegmentCounter.standard(), MediaValidator.standard(), DEFAULT_MAX_SEGMENTS);

    private final SegmentCounter segmentCounter;
    private final MediaValidator mediaValidator;
    private final int maxSegments;

    private DraftValidator(SegmentCounter segmentCounter, MediaValidator mediaValidator, int maxSegments) {
        this.segmentCounter = segmentCounter;
        this.mediaValidator = mediaValidator;
        this.maxSegments = maxSegments;
    }

    /**
     * The validator with the standard segment counter, the standard media validator (410 KB) and a
     * limit of 10 segments.
     *
     * @return a shared instance
     */
    public static DraftValidator standard() {
        return STANDARD;
    }

    /**
     * Starts a validator with other settings.
     *
     * @return a new builder with the standard settings
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The segment limit of this validator.
     *
     * @return the most segments a message's text may need
     */
    public int maxSegments() {
        return maxSegments;
    }

    /**
     * Validates a draft.
     *
     * @param draft what the user wants to send
     * @return the draft's text to send, its segment count and its validated attachment
     * @throws EmptyDraftException if the draft has neither an attachment nor visible text
     * @throws MalformedTextException if the text holds the NUL character or an unpaired surrogate
     *     (field {@code "text"})
     * @throws TooManySegmentsException if the text needs more than {@link #maxSegments()} segments
     * @throws InvalidMediaException if the attachment is not a valid MMS image or contradicts its
     *     declared type
     * @throws NullPointerException if {@code draft} is null
     */
    public ValidatedDraft validate(Draft draft) {
        Objects.requireNonNull(draft, "draft");
        String text = draft.text().filter(t -> !isInvisible(t)).orElse("");
        if (text.isEmpty() && draft.attachment().isEmpty()) {
            throw new EmptyDraftException();
        }
        // before counting: a NUL counts as a character, but no store can keep it
        TextPolicy.requireStorable(text, "text");
        SegmentCount count = segmentCounter.count(text);
        if (count.segmentCount() > maxSegments) {
            throw new TooManySegmentsException(count.segmentCount(), maxSegments, count.encoding());
        }
        ValidatedMedia media = draft.attachment()
                .map(attachment -> mediaValidator.validate(attachment.content(), attachment.declaredContentType()))
                .orElse(null);
        return new ValidatedDraft(count, media);
    }

    /** True when no character of the text would show: whitespace, space separators, format characters. */
    static boolean isInvisible(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT);
    }

    /**
     * Builds a {@link DraftValidator}. Not thread-safe; the validator it builds is.
     */
    public static final class Builder {

        private SegmentCounter segmentCounter = SegmentCounter.standard();
        private MediaValidator mediaValidator = MediaValidator.standard();
        private int maxSegments = DEFAULT_MAX_SEGMENTS;

        private Builder() {}

        /**
         * Sets the counter, configured with the account's smart encoding and national tables.
         *
         * @param segmentCounter the counter
         * @return this builder
         * @throws io.github.inboxkit.core.MissingValueException if {@code segmentCounter} is null
         */
        public Builder segmentCounter(SegmentCounter segmentCounter) {
            this.segmentCounter = Require.nonNull(segmentCounter, "segmentCounter");
            return this;
        }

        /**
         * Sets the media validator, configured with the carrier's or plan's size limit.
         *
         * @param mediaValidator the validator
         * @return this builder
         * @throws io.github.inboxkit.core.MissingValueException if {@code mediaValidator} is null
         */
        public Builder mediaValidator(MediaValidator mediaValidator) {
            this.mediaValidator = Require.nonNull(mediaValidator, "mediaValidator");
            return this;
        }

        /**
         * Sets the segment limit.
         *
         * @param maxSegments the most segments a text may need, 1 to {@value DraftValidator#MAX_MAX_SEGMENTS}
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if {@code maxSegments} is out of range
         */
        public Builder maxSegments(int maxSegments) {
            Require.argument(maxSegments >= 1 && maxSegments <= MAX_MAX_SEGMENTS, "maxSegments",
                    "must be between 1 and " + MAX_MAX_SEGMENTS);
            this.maxSegments = maxSegments;
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return a validator with this builder's settings
         */
        public DraftValidator build() {
            return new DraftValidator(segmentCounter, mediaValidator, maxSegments);
        }
    }
}
