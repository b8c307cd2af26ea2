package io.github.inboxkit.core.media;

/**
 * The image formats an MMS attachment may have (F26).
 *
 * <p>Immutable and thread-safe.
 */
public enum MediaType {
    /** JPEG (JFIF or Exif), baseline, progressive, or any other SOF frame type. */
    JPEG("image/jpeg"),
    /** PNG, including animated PNG (which carriers show as its first frame). */
    PNG("image/png"),
    /** GIF, version 87a or 89a, still or animated. */
    GIF("image/gif");

    private final String mimeType;

    MediaType(String mimeType) {
        this.mimeType = mimeType;
    }

    /**
     * The canonical MIME type to send to a carrier.
     *
     * @return {@code image/jpeg}, {@code image/png} or {@code image/gif}
     */
    public String mimeType() {
        return mimeType;
    }
}
