package io.github.inboxkit.core.media;

/**
 * Reads a JPEG by walking its markers: segments with a length (APPn, DQT, DHT, COM…) are skipped by
 * that length, fill bytes are skipped, the first SOFn frame header gives the dimensions, and
 * entropy-coded scan data is scanned for the next marker, up to EOI. A file that ends before EOI is
 * truncated; bytes after EOI are ignored, as every decoder does.
 */
final class JpegReader {

    static final byte[] SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;

    private JpegReader() {}

    /** Reads {@code b}, whose first 3 bytes are SOI and the start of the next marker. */
    static Dimensions read(byte[] b) throws BrokenImage {
        int n = b.length;
        int pos = 2;
        Dimensions dimensions = null;
        boolean sawScan = false;
        while (true) {
            if (pos >= n) {
                throw BrokenImage.truncated();
            }
            if (Bytes.uint8(b, pos) != MARKER) {
                throw BrokenImage.corrupt("a marker was expected at offset " + pos);
            }
            while (pos < n && Bytes.uint8(b, pos) == MARKER) {
                pos++; // a marker may be preceded by any number of 0xFF fill bytes
            }
            if (pos >= n) {
                throw BrokenImage.truncated();
            }
            int marker = Bytes.uint8(b, pos++);
            if (marker == EOI) {
                if (dimensions == null) {
                    throw BrokenImage.corrupt("it has no frame header");
                }
                if (!sawScan) {
                    throw BrokenImage.corrupt("it has no image data");
                }
                return dimensions;
            }
            if (marker == 0x00 || marker == SOI) {
                throw BrokenImage.corrupt("it has an invalid marker at offset " + (pos - 1));
            }
            if (marker == TEM || isRestart(marker)) {
                continue; // markers without a length
            }
            if (pos + 2 > n) {
                throw BrokenImage.truncated();
            }
            int length = Bytes.uint16BigEndian(b, pos);
            if (length < 2) {
                throw BrokenImage.corrupt("a segment length is invalid at offset " + pos);
            }
            int segmentEnd = pos + length;
            if (segmentEnd > n) {
                throw BrokenImage.truncated();
            }
            if (isStartOfFrame(marker) && dimensions == null) {
                dimensions = readFrameHeader(b, pos, length);
            } else if (marker == SOS) {
                if (dimensions == null) {
                    throw BrokenImage.corrupt("its image data comes before its frame header");
                }
                sawScan = true;
                pos = skipEntropyCodedData(b, segmentEnd);
                continue;
            }
            pos = segmentEnd;
        }
    }

    private static Dimensions readFrameHeader(byte[] b, int pos, int length) throws BrokenImage {
        // length(2) precision(1) height(2) width(2) components(1), then 3 bytes per component
        if (length < 8) {
            throw BrokenImage.corrupt("its frame header is too short");
        }
        int components = Bytes.uint8(b, pos + 7);
        if (components == 0 || length != 8 + 3 * components) {
            throw BrokenImage.corrupt("its frame header has an invalid component count");
        }
        // a zero height would be defined later by a DNL marker, which no phone decodes reliably
        return Dimensions.of(Bytes.uint16BigEndian(b, pos + 5), Bytes.uint16BigEndian(b, pos + 3));
    }

    /** Returns the position of the marker that ends the scan data starting at {@code pos}. */
    private static int skipEntropyCodedData(byte[] b, int pos) throws BrokenImage {
        int n = b.length;
        while (true) {
            if (pos >= n) {
                throw BrokenImage.truncated();
            }
            if (Bytes.uint8(b, pos) != MARKER) {
                pos++;
                continue;
            }
            if (pos + 1 >= n) {
                throw BrokenImage.truncated();
            }
            int next = Bytes.uint8(b, pos + 1);
            if (next == 0x00 || isRestart(next)) {
                pos += 2; // a stuffed 0xFF data byte, or a restart marker inside the scan
            } else if (next == MARKER) {
                pos++; // fill byte before a marker
            } else {
                return pos;
            }
        }
    }

    /** SOF0-3, SOF5-7, SOF9-11 and SOF13-15; 0xC4 (DHT), 0xC8 (JPG) and 0xCC (DAC) are not frames. */
    static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean isRestart(int marker) {
        return marker >= 0xD0 && marker <= 0xD7;
    }
}
