package io.github.inboxkit.core.media;

import io.github.inboxkit.core.Require;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether an attachment can be sent as MMS (F26): a complete JPEG, PNG or GIF image of at
 * most {@linkplain Builder#maxBytes(int) a size limit} (410 KB, 419,840 bytes, by default).
 *
 * <p>The type is decided from the bytes, never from a file name: the signature, then enough of the
 * structure to read the width and height and to see that the image is complete (PNG chunks up to
 * IEND, GIF blocks up to the trailer, JPEG markers through the frame header and scans up to EOI).
 * Checks run in this order, and the first that fails is the reason given: empty, too large,
 * unsupported format, truncated or damaged structure, declared type contradicting the bytes.
 *
 * <p>A declared content type is compared case-insensitively with its parameters ignored
 * ({@code "IMAGE/PNG; name=a.png"} declares PNG); {@code image/jpg} is an alias of
 * {@code image/jpeg}. Any other declared type, including {@code application/octet-stream}, must
 * match the bytes: a host that does not know the type calls {@link #validate(byte[])}.
 *
 * <p>Immutable and thread-safe; one instance may serve every account with the same limit.
 */
public final class MediaValidator {

    /** The default size limit: 410 KB, the common MMS limit of carriers. */
    public static final int DEFAULT_MAX_BYTES = 410 * 1024;

    private static final MediaValidator STANDARD = new MediaValidator(DEFAULT_MAX_BYTES);

    private final int maxBytes;

    private MediaValidator(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The validator with the default limit of 410 KB (419,840 bytes).
     *
     * @return a shared instance
     */
    public static MediaValidator standard() {
        return STANDARD;
    }

    /**
     * Starts a validator with other settings.
     *
     * @return a new builder with the default limit
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The size limit of this validator.
     *
     * @return the largest accepted attachment, in bytes
     */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Validates an attachment whose type is unknown to the caller.
     *
     * @param content the attachment's bytes; copied, so later changes to the array do not matter
     * @return the validated image with its type and dimensions
     * @throws InvalidMediaException if the attachment is empty, too large, not a JPEG, PNG or GIF
     *     image, incomplete or damaged
     * @throws NullPointerException if {@code content} is null
     */
    public ValidatedMedia validate(byte[] content) {
        Objects.requireNonNull(content, "content");
        return check(content, null);
    }

    /**
     * Validates an attachment and the content type it was declared with (by an upload form, an
     * e-mail part, an HTTP header).
     *
     * @param content the attachment's bytes; copied, so later changes to the array do not matter
     * @param declaredContentType the declared MIME type, e.g. {@code "image/jpeg"} or
     *     {@code "Image/JPG; charset=binary"}
     * @return the validated image with its type and dimensions; its {@link
     *     ValidatedMedia#mimeType()} is the canonical type, not the declared one
     * @throws InvalidMediaException for the reasons of {@link #validate(byte[])}, and with {@link
     *     InvalidMediaException.Reason#DECLARED_TYPE_MISMATCH} if the declared type is not the type
     *     of the bytes
     * @throws NullPointerException if an argument is null
     */
    public ValidatedMedia validate(byte[] content, String declaredContentType) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(declaredContentType, "declaredContentType");
        return check(content, declaredContentType);
    }

    private ValidatedMedia check(byte[] content, String declaredContentType) {
        int size = content.length;
        if (size == 0) {
            throw InvalidMediaException.empty(maxBytes);
        }
        if (size > maxBytes) {
            throw InvalidMediaException.tooLarge(size, maxBytes);
        }
        // validate a private copy, so the caller cannot change the bytes after they were checked
        byte[] copy = content.clone();
        MediaType type = detect(copy);
        Dimensions dimensions;
        try {
            switch (type) {
                case PNG:
                    dimensions = PngReader.read(copy);
                    break;
                case GIF:
                    dimensions = GifReader.read(copy);
                    break;
                case JPEG:
                    dimensions = JpegReader.read(copy);
                    break;
                default:
                    throw new AssertionError(type);
            }
        } catch (BrokenImage broken) {
            throw broken.isTruncated()
                    ? InvalidMediaException.truncated(size, maxBytes, type)
                    : InvalidMediaException.corrupt(size, maxBytes, type, broken.getMessage());
        }
        if (declaredContentType != null && !type.mimeType().equals(normalise(declaredContentType))) {
            throw InvalidMediaException.mismatch(size, maxBytes, type, declaredContentType);
        }
        return new ValidatedMedia(type, dimensions.width(), dimensions.height(), copy);
    }

    /** The type announced by the signature; a proper prefix of a signature is a truncated image. */
    private MediaType detect(byte[] b) {
        int size = b.length;
        if (Bytes.startsWith(b, PngReader.SIGNATURE)) {
            return MediaType.PNG;
        }
        if (Bytes.startsWith(b, GifReader.SIGNATURE_87A) || Bytes.startsWith(b, GifReader.SIGNATURE_89A)) {
            return MediaType.GIF;
        }
        if (Bytes.startsWith(b, JpegReader.SIGNATURE)) {
            return MediaType.JPEG;
        }
        if (Bytes.isProperPrefixOf(b, PngReader.SIGNATURE)) {
            throw InvalidMediaException.truncated(size, maxBytes, MediaType.PNG);
        }
        if (Bytes.isProperPrefixOf(b, GifReader.SIGNATURE_87A) || Bytes.isProperPrefixOf(b, GifReader.SIGNATURE_89A)) {
            throw InvalidMediaException.truncated(size, maxBytes, MediaType.GIF);
        }
        if (Bytes.isProperPrefixOf(b, JpegReader.SIGNATURE)) {
            throw InvalidMediaException.truncated(size, maxBytes, MediaType.JPEG);
        }
        if (Bytes.startsWith(b, Bytes.ascii("\u0089PNG"))) {
            // typically a PNG whose line endings were rewritten by a text-mode transfer
            throw InvalidMediaException.corrupt(size, maxBytes, MediaType.PNG, "its signature is damaged");
        }
        if (Bytes.startsWith(b, Bytes.ascii("GIF8"))) {
            throw InvalidMediaException.corrupt(size, maxBytes, MediaType.GIF, "its version is neither 87a nor 89a");
        }
        throw InvalidMediaException.unsupported(size, maxBytes, OtherFormats.name(b));
    }

    /** Lower case, parameters and surrounding spaces dropped, {@code image/jpg} read as {@code image/jpeg}. */
    static String normalise(String contentType) {
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return essence.equals("image/jpg") ? "image/jpeg" : essence;
    }

    /**
     * Builds a {@link MediaValidator}. Not thread-safe; the validator it builds is.
     */
    public static final class Builder {

        private int maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {}

        /**
         * Sets the size limit, for carriers or plans with another MMS limit.
         *
         * @param maxBytes the largest accepted attachment in bytes, at least 1
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if {@code maxBytes} is less than 1
         */
        public Builder maxBytes(int maxBytes) {
            Require.argument(maxBytes >= 1, "maxBytes", "must be >= 1");
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return a validator with this builder's settings
         */
        public MediaValidator build() {
            return maxBytes == DEFAULT_MAX_BYTES ? STANDARD : new MediaValidator(maxBytes);
        }
    }
}
