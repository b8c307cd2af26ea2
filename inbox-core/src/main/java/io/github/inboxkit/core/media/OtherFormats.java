package io.github.inboxkit.core.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Names the formats users commonly try to send instead of JPEG, PNG or GIF, so that the refusal can
 * say "this is a WebP file" rather than "unknown format".
 */
final class OtherFormats {

    private static final int TEXT_SNIFF_LENGTH = 1024;

    private OtherFormats() {}

    /** Returns the name of the format of {@code b}, or null when it is not recognised. */
    static String name(byte[] b) {
        if (Bytes.startsWith(b, Bytes.ascii("RIFF")) && b.length >= 12) {
            String form = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            switch (form) {
                case "WEBP":
                    return "WebP";
                case "WAVE":
                    return "WAV";
                case "AVI ":
                    return "AVI";
                default:
                    return "RIFF";
            }
        }
        if (Bytes.regionMatches(b, 4, Bytes.ascii("ftyp")) && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            switch (brand) {
                case "heic":
                case "heix":
                case "hevc":
                case "hevx":
                case "heim":
                case "heis":
                case "mif1":
                case "msf1":
                    return "HEIC";
                case "avif":
                case "avis":
                    return "AVIF";
                case "qt  ":
                    return "QuickTime";
                default:
                    return "MP4";
            }
        }
        if (Bytes.startsWith(b, new byte[] {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '})
                || Bytes.startsWith(b, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51})) {
            return "JPEG 2000";
        }
        if (Bytes.startsWith(b, new byte[] {(byte) 0xFF, 0x0A})
                || Bytes.startsWith(b, new byte[] {0, 0, 0, 0x0C, 'J', 'X', 'L', ' '})) {
            return "JPEG XL";
        }
        if (Bytes.startsWith(b, Bytes.ascii("II*\0")) || Bytes.startsWith(b, Bytes.ascii("MM\0*"))) {
            return "TIFF";
        }
        if (Bytes.startsWith(b, Bytes.ascii("BM")) && b.length >= 14) {
            return "BMP";
        }
        if (Bytes.startsWith(b, new byte[] {0, 0, 1, 0})) {
            return "ICO";
        }
        if (Bytes.startsWith(b, Bytes.ascii("8BPS"))) {
            return "PSD";
        }
        if (Bytes.startsWith(b, Bytes.ascii("%PDF"))) {
            return "PDF";
        }
        if (Bytes.startsWith(b, Bytes.ascii("PK\3\4"))) {
            return "ZIP";
        }
        if (Bytes.startsWith(b, new byte[] {0x1F, (byte) 0x8B})) {
            return "GZIP";
        }
        return markupName(b);
    }

    /** SVG, HTML and XML, recognised from their first tags after an optional BOM and whitespace. */
    private static String markupName(byte[] b) {
        int start = Bytes.startsWith(b, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        int length = Math.min(b.length - start, TEXT_SNIFF_LENGTH);
        String head = new String(b, start, length, StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
        if (!head.startsWith("<")) {
            return null;
        }
        if (head.startsWith("<svg") || head.contains("<svg")) {
            return "SVG";
        }
        if (head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<body")) {
            return "HTML";
        }
        if (head.startsWith("<?xml")) {
            return "XML";
        }
        return null;
    }
}
