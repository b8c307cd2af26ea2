package io.github.inboxkit.core.media;

/** Reads fixed-width integers from a byte array; callers check the bounds first. */
final class Bytes {

    private Bytes() {}

    static int uint8(byte[] b, int offset) {
        return b[offset] & 0xFF;
    }

    static int uint16BigEndian(byte[] b, int offset) {
        return (uint8(b, offset) << 8) | uint8(b, offset + 1);
    }

    static int uint16LittleEndian(byte[] b, int offset) {
        return uint8(b, offset) | (uint8(b, offset + 1) << 8);
    }

    static int int32(byte[] b, int offset) {
        return (uint8(b, offset) << 24) | (uint8(b, offset + 1) << 16) | (uint8(b, offset + 2) << 8) | uint8(b, offset + 3);
    }

    static long uint32(byte[] b, int offset) {
        return int32(b, offset) & 0xFFFF_FFFFL;
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        return regionMatches(b, 0, prefix);
    }

    static boolean regionMatches(byte[] b, int offset, byte[] expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code b} is shorter than {@code signature} and equal to its beginning. */
    static boolean isProperPrefixOf(byte[] b, byte[] signature) {
        if (b.length >= signature.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
