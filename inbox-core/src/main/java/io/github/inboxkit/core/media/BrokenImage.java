package io.github.inboxkit.core.media;

/**
 * Raised by the format readers when an image's structure is wrong; {@link MediaValidator} turns it
 * into an {@link InvalidMediaException} with the size facts the readers do not know. Never escapes
 * the package.
 */
final class BrokenImage extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean truncated;

    private BrokenImage(boolean truncated, String detail) {
        // no stack trace: this is control flow for refusing input, not a failure to debug
        super(detail, null, false, false);
        this.truncated = truncated;
    }

    static BrokenImage truncated() {
        return new BrokenImage(true, "the bytes end before the image does");
    }

    static BrokenImage corrupt(String detail) {
        return new BrokenImage(false, detail);
    }

    boolean isTruncated() {
        return truncated;
    }
}
