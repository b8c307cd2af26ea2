package io.github.inboxkit.core.media;

import java.util.zip.CRC32;

/**
 * Reads a PNG: the IHDR chunk for the dimensions (its length, type, checksum and field values
 * checked), then the chunk sequence up to IEND, so that a file cut short is caught however little
 * is missing.
 */
final class PngReader {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final int IHDR = chunkType("IHDR");
    private static final int IDAT = chunkType("IDAT");
    private static final int IEND = chunkType("IEND");
    private static final int CHUNK_OVERHEAD = 12; // length, type, CRC

    private PngReader() {}

    /** Reads {@code b}, whose first 8 bytes are the PNG signature. */
    static Dimensions read(byte[] b) throws BrokenImage {
        int n = b.length;
        int pos = SIGNATURE.length;
        if (n < pos + 8) {
            throw BrokenImage.truncated();
        }
        if (Bytes.int32(b, pos + 4) != IHDR) {
            throw BrokenImage.corrupt("its first chunk is not IHDR");
        }
        if (Bytes.uint32(b, pos) != 13) {
            throw BrokenImage.corrupt("its IHDR chunk has the wrong length");
        }
        if (n < pos + CHUNK_OVERHEAD + 13) {
            throw BrokenImage.truncated();
        }
        CRC32 crc = new CRC32();
        crc.update(b, pos + 4, 4 + 13);
        if (crc.getValue() != Bytes.uint32(b, pos + 8 + 13)) {
            throw BrokenImage.corrupt("its IHDR checksum is wrong");
        }
        long width = Bytes.uint32(b, pos + 8);
        long height = Bytes.uint32(b, pos + 12);
        checkPixelFormat(b[pos + 16] & 0xFF, b[pos + 17] & 0xFF);
        if (b[pos + 18] != 0 || b[pos + 19] != 0 || (b[pos + 20] & 0xFF) > 1) {
            throw BrokenImage.corrupt("its compression, filter or interlace method is unknown");
        }
        Dimensions dimensions = Dimensions.of(width, height);
        pos += CHUNK_OVERHEAD + 13;
        boolean sawImageData = false;
        while (true) {
            if (n < pos + 8) {
                throw BrokenImage.truncated();
            }
            long length = Bytes.uint32(b, pos);
            int type = Bytes.int32(b, pos + 4);
            if (length > Integer.MAX_VALUE || !isChunkType(b, pos + 4)) {
                throw BrokenImage.corrupt("a chunk header is invalid");
            }
            long end = pos + CHUNK_OVERHEAD + length;
            if (end > n) {
                throw BrokenImage.truncated();
            }
            if (type == IHDR) {
                throw BrokenImage.corrupt("it has a second IHDR chunk");
            } else if (type == IDAT) {
                sawImageData = true;
            } else if (type == IEND) {
                if (!sawImageData) {
                    throw BrokenImage.corrupt("it has no image data");
                }
                // bytes after IEND are ignored, as every decoder does
                return dimensions;
            }
            pos = (int) end;
        }
    }

    private static void checkPixelFormat(int bitDepth, int colourType) throws BrokenImage {
        boolean valid;
        switch (colourType) {
            case 0:
                valid = bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
                break;
            case 3:
                valid = bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
                break;
            case 2:
            case 4:
            case 6:
                valid = bitDepth == 8 || bitDepth == 16;
                break;
            default:
                valid = false;
        }
        if (!valid) {
            throw BrokenImage.corrupt("its bit depth and colour type are not a valid combination");
        }
    }

    private static boolean isChunkType(byte[] b, int offset) {
        for (int i = offset; i < offset + 4; i++) {
            int c = b[i] & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static int chunkType(String name) {
        return (name.charAt(0) << 24) | (name.charAt(1) << 16) | (name.charAt(2) << 8) | name.charAt(3);
    }
}
