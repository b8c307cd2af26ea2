package io.github.inboxkit.core.compose;

import io.github.inboxkit.core.media.ValidatedMedia;
import io.github.inboxkit.core.text.SegmentCount;
import java.util.Objects;
import java.util.Optional;

/**
 * A draft that passed {@link DraftValidator} and may be queued for sending (F28).
 *
 * <p>Only a {@link DraftValidator} creates instances (which is why this is a plain class rather than
 * a generated value with a public builder), so holding one proves the checks ran. Immutable and
 * thread-safe.
 */
public final class ValidatedDraft {

    private final SegmentCount count;
    private final ValidatedMedia media;

    ValidatedDraft(SegmentCount count, ValidatedMedia media) {
        this.count = Objects.requireNonNull(count, "count");
        this.media = media;
    }

    /**
     * The text to send: the draft's text, or its smart-encoded form when the validator's counter
     * replaced look-alikes; empty when the draft had only an attachment (blank text with an
     * attachment is dropped).
     *
     * @return the text, possibly empty
     */
    public String text() {
        return count.text();
    }

    /**
     * What {@link #text()} costs as SMS: encoding, segments, room left.
     *
     * @return the count, with zero segments for an attachment alone
     */
    public SegmentCount count() {
        return count;
    }

    /**
     * The validated attachment.
     *
     * @return the image with its type and dimensions, or empty for a text-only message
     */
    public Optional<ValidatedMedia> media() {
        return Optional.ofNullable(media);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValidatedDraft that && count.equals(that.count) && Objects.equals(media, that.media);
    }

    @Override
    public int hashCode() {
        return 31 * count.hashCode() + Objects.hashCode(media);
    }

    /** Gives the figures without the text, which is personal data. */
    @Override
    public String toString() {
        return "ValidatedDraft[" + count.text().length() + " chars, " + count.encoding() + ", "
                + count.segmentCount() + " segments, media: " + (media == null ? "none" : media) + "]";
    }
}
