package io.github.inboxkit.core.media;

/** Width and height in pixels read from an image header; both at least 1. */
record Dimensions(int width, int height) {

    static Dimensions of(long width, long height) throws BrokenImage {
        if (width <= 0 || height <= 0) {
            throw BrokenImage.corrupt("its width or height is zero");
        }
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw BrokenImage.corrupt("its width or height is out of range");
        }
        return new Dimensions((int) width, (int) height);
    }
}
