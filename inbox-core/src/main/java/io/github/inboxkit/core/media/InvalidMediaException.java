package io.github.inboxkit.core.media;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;
import java.util.Optional;

/**
 * An attachment that cannot be sent as MMS (F26): empty, over the size limit, not a JPEG, PNG or
 * GIF image, incomplete or damaged, or declared as a type its bytes contradict.
 *
 * <p>{@link #reason()} says which, so that a host can map the refusal to its own words; the other
 * getters give the facts behind it. Immutable and safe to share between threads.
 */
public final class InvalidMediaException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Why an attachment was refused. */
    public enum Reason {
        /** The attachment has no bytes. */
        EMPTY,
        /** The attachment is larger than the validator's limit ({@link #maxBytes()}). */
        TOO_LARGE,
        /**
         * The bytes are not a JPEG, PNG or GIF image; {@link #detectedFormat()} names what they are
         * when it is recognised (WebP, BMP, SVG, PDF, HTML, TIFF, HEIC…).
         */
        UNSUPPORTED_FORMAT,
        /** The image starts correctly but its bytes end before the image does. */
        TRUNCATED,
        /** The image's structure is invalid (bad header, zero width or height, broken chunk…). */
        CORRUPT,
        /** The declared content type contradicts the image type read from the bytes. */
        DECLARED_TYPE_MISMATCH
    }

    private final Reason reason;
    private final int size;
    private final int maxBytes;
    private final String detectedFormat;
    private final String declaredContentType;

    private InvalidMediaException(
            Reason reason, String message, int size, int maxBytes, String detectedFormat, String declaredContentType) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.size = size;
        this.maxBytes = maxBytes;
        this.detectedFormat = detectedFormat;
        this.declaredContentType = declaredContentType;
    }

    static InvalidMediaException empty(int maxBytes) {
        return new InvalidMediaException(
                Reason.EMPTY, "The attachment is empty: attach a JPEG, PNG or GIF image.", 0, maxBytes, null, null);
    }

    static InvalidMediaException tooLarge(int size, int maxBytes) {
        return new InvalidMediaException(
                Reason.TOO_LARGE,
                String.format(
                        java.util.Locale.ROOT,
                        "The attachment is %,d bytes but at most %,d bytes (%s) can be sent: attach a smaller image.",
                        size,
                        maxBytes,
                        kilobytes(maxBytes)),
                size,
                maxBytes,
                null,
                null);
    }

    static InvalidMediaException unsupported(int size, int maxBytes, String detectedFormat) {
        String what = detectedFormat == null ? "not a JPEG, PNG or GIF image" : "a " + detectedFormat + " file";
        return new InvalidMediaException(
                Reason.UNSUPPORTED_FORMAT,
                "The attachment is " + what + ": only JPEG, PNG and GIF images can be sent.",
                size,
                maxBytes,
                detectedFormat,
                null);
    }

    static InvalidMediaException truncated(int size, int maxBytes, MediaType type) {
        return new InvalidMediaException(
                Reason.TRUNCATED,
                "The " + type + " image is incomplete (its bytes end before the image does): attach it again.",
                size,
                maxBytes,
                type.name(),
                null);
    }

    static InvalidMediaException corrupt(int size, int maxBytes, MediaType type, String detail) {
        return new InvalidMediaException(
                Reason.CORRUPT,
                "The " + type + " image is damaged (" + detail + "): attach another image.",
                size,
                maxBytes,
                type.name(),
                null);
    }

    static InvalidMediaException mismatch(int size, int maxBytes, MediaType type, String declaredContentType) {
        return new InvalidMediaException(
                Reason.DECLARED_TYPE_MISMATCH,
                "The attachment is declared as '" + declaredContentType + "' but its bytes are a " + type
                        + " image (" + type.mimeType() + "): declare its real type.",
                size,
                maxBytes,
                type.name(),
                declaredContentType);
    }

    private static String kilobytes(int bytes) {
        return bytes % 1024 == 0 ? (bytes / 1024) + " KB" : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /**
     * Why the attachment was refused.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The size of the refused attachment.
     *
     * @return its length in bytes
     */
    public int size() {
        return size;
    }

    /**
     * The size limit of the validator that refused the attachment.
     *
     * @return the largest accepted attachment, in bytes
     */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The format recognised in the bytes: {@code JPEG}, {@code PNG} or {@code GIF} for a truncated,
     * damaged or mis-declared image, or the name of an unsupported format ({@code WebP}, {@code BMP},
     * {@code SVG}, {@code PDF}, {@code HTML}, {@code TIFF}, {@code HEIC}…).
     *
     * @return the format's name, or empty when the bytes were not recognised or not examined
     */
    public Optional<String> detectedFormat() {
        return Optional.ofNullable(detectedFormat);
    }

    /**
     * The content type the caller declared, for {@link Reason#DECLARED_TYPE_MISMATCH}.
     *
     * @return the declared content type as given, or empty for other reasons
     */
    public Optional<String> declaredContentType() {
        return Optional.ofNullable(declaredContentType);
    }
}
