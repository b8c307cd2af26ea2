package io.github.inboxkit.core.media;

/**
 * Reads a GIF: the logical screen descriptor for the dimensions, then every block (extensions and
 * image descriptors with their colour tables and data sub-blocks) up to the trailer, so that a file
 * cut short is caught.
 */
final class GifReader {

    static final byte[] SIGNATURE_87A = Bytes.ascii("GIF87a");
    static final byte[] SIGNATURE_89A = Bytes.ascii("GIF89a");

    private static final int HEADER_AND_SCREEN_DESCRIPTOR = 13;
    private static final int EXTENSION = 0x21;
    private static final int IMAGE_DESCRIPTOR = 0x2C;
    private static final int TRAILER = 0x3B;

    private GifReader() {}

    /** Reads {@code b}, whose first 6 bytes are a GIF87a or GIF89a signature. */
    static Dimensions read(byte[] b) throws BrokenImage {
        int n = b.length;
        if (n < HEADER_AND_SCREEN_DESCRIPTOR) {
            throw BrokenImage.truncated();
        }
        Dimensions dimensions = Dimensions.of(Bytes.uint16LittleEndian(b, 6), Bytes.uint16LittleEndian(b, 8));
        long pos = HEADER_AND_SCREEN_DESCRIPTOR + colourTableSize(Bytes.uint8(b, 10));
        int images = 0;
        while (true) {
            if (pos >= n) {
                throw BrokenImage.truncated();
            }
            int block = Bytes.uint8(b, (int) pos);
            if (block == EXTENSION) {
                pos = skipSubBlocks(b, pos + 2);
            } else if (block == IMAGE_DESCRIPTOR) {
                if (pos + 10 > n) {
                    throw BrokenImage.truncated();
                }
                int frameFlags = Bytes.uint8(b, (int) pos + 9);
                pos += 10 + colourTableSize(frameFlags);
                if (pos >= n) {
                    throw BrokenImage.truncated();
                }
                int lzwMinimumCodeSize = Bytes.uint8(b, (int) pos);
                if (lzwMinimumCodeSize < 1 || lzwMinimumCodeSize > 11) {
                    throw BrokenImage.corrupt("an image's LZW code size is invalid");
                }
                pos = skipSubBlocks(b, pos + 1);
                images++;
            } else if (block == TRAILER) {
                if (images == 0) {
                    throw BrokenImage.corrupt("it has no image");
                }
                return dimensions;
            } else {
                throw BrokenImage.corrupt("it has an unknown block at offset " + pos);
            }
        }
    }

    /** The size of the colour table announced by a screen or image descriptor's flags, if any. */
    private static int colourTableSize(int flags) {
        return (flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 0x07) + 1));
    }

    /** Skips data sub-blocks starting at {@code pos}; returns the position after the terminator. */
    private static long skipSubBlocks(byte[] b, long pos) throws BrokenImage {
        int n = b.length;
        while (true) {
            if (pos >= n) {
                throw BrokenImage.truncated();
            }
            int size = Bytes.uint8(b, (int) pos);
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
    }
}
