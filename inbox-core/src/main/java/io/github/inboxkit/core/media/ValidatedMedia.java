package io.github.inboxkit.core.media;

import io.github.inboxkit.carrier.OutboundMedia;
import java.util.Arrays;
import java.util.Objects;

/**
 * An attachment that passed {@link MediaValidator}: a complete JPEG, PNG or GIF image within the size
 * limit, with the type and dimensions read from its bytes (F26).
 *
 * <p>Only a {@link MediaValidator} creates instances, so holding one proves the content was
 * checked. The validator keeps its own copy of the bytes, so changing the array it was given
 * afterwards does not change what was validated. Immutable and thread-safe.
 */
public final class ValidatedMedia {

    private final MediaType type;
    private final int width;
    private final int height;
    private final byte[] content;

    ValidatedMedia(MediaType type, int width, int height, byte[] content) {
        this.type = Objects.requireNonNull(type, "type");
        this.width = width;
        this.height = height;
        this.content = content;
    }

    /**
     * The image format read from the bytes.
     *
     * @return JPEG, PNG or GIF
     */
    public MediaType type() {
        return type;
    }

    /**
     * The canonical MIME type of the image, to send to a carrier whatever type was declared.
     *
     * @return {@code image/jpeg}, {@code image/png} or {@code image/gif}
     */
    public String mimeType() {
        return type.mimeType();
    }

    /**
     * The image width.
     *
     * @return the width in pixels, at least 1
     */
    public int width() {
        return width;
    }

    /**
     * The image height.
     *
     * @return the height in pixels, at least 1
     */
    public int height() {
        return height;
    }

    /**
     * The size of the attachment.
     *
     * @return its length in bytes, at least 1 and at most the validator's limit
     */
    public int size() {
        return content.length;
    }

    /**
     * The validated bytes, to hand to a carrier.
     *
     * @return a fresh copy of the content on each call
     */
    public byte[] content() {
        return content.clone();
    }

    /**
     * The image as the carrier SPI takes it, with its canonical MIME type and bytes inline.
     *
     * @return an inline {@link OutboundMedia}
     */
    public OutboundMedia toOutboundMedia() {
        return OutboundMedia.inline(type.mimeType(), content);
    }

    /** Two validated media are equal when their bytes are equal (type and dimensions follow). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ValidatedMedia that && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content);
    }

    /** Describes the image without its bytes, e.g. {@code ValidatedMedia[PNG 640x480, 12345 bytes]}. */
    @Override
    public String toString() {
        return "ValidatedMedia[" + type + " " + width + "x" + height + ", " + content.length + " bytes]";
    }
}
