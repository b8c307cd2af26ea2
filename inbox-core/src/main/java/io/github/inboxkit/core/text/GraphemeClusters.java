package io.github.inboxkit.core.text;

/**
 * Where the extended grapheme clusters of a text end: what a reader sees as one character, such as
 * a flag (two regional indicators), a family emoji (several emoji joined by zero-width joiners), a
 * thumbs-up with a skin tone, or a letter with combining accents.
 *
 * <p>The rules are those of Unicode Standard Annex #29 (Unicode 15.0: GB3 to GB13, without the
 * Indic conjunct rule GB9c of 15.1), written out here because {@code java.text.BreakIterator} of
 * Java 17 keeps neither emoji sequences nor flags together, and so that the result does not depend
 * on the Java version a host runs. The character properties come from {@link Character}, except
 * those it does not expose (regional indicators, emoji modifiers, Extended_Pictographic, tags,
 * prepended concatenation marks, the Hangul syllable types), which are listed here.
 *
 * <p>Stateless and allocation-free; safe to use from any thread.
 */
final class GraphemeClusters {

    private static final int OTHER = 0;
    private static final int CR = 1;
    private static final int LF = 2;
    private static final int CONTROL = 3;
    private static final int EXTEND = 4;
    private static final int ZWJ = 5;
    private static final int REGIONAL_INDICATOR = 6;
    private static final int PREPEND = 7;
    private static final int SPACING_MARK = 8;
    private static final int L = 9;
    private static final int V = 10;
    private static final int T = 11;
    private static final int LV = 12;
    private static final int LVT = 13;
    private static final int PICTOGRAPHIC = 14;

    /**
     * Extended_Pictographic (Unicode emoji data), as pairs of first and last code point. The
     * ranges include code points not yet assigned, reserved for future emoji, as the data does.
     */
    private static final int[] PICTOGRAPHIC_RANGES = {
        0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
        0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388, 0x23CF, 0x23CF,
        0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0,
        0x25FB, 0x25FE, 0x2600, 0x2605, 0x2607, 0x2612, 0x2614, 0x2685, 0x2690, 0x2705, 0x2708, 0x2712,
        0x2714, 0x2714, 0x2716, 0x2716, 0x271D, 0x271D, 0x2721, 0x2721, 0x2728, 0x2728, 0x2733, 0x2734,
        0x2744, 0x2744, 0x2747, 0x2747, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757,
        0x2763, 0x2767, 0x2795, 0x2797, 0x27A1, 0x27A1, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2934, 0x2935,
        0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D,
        0x3297, 0x3297, 0x3299, 0x3299, 0x1F000, 0x1F0FF, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F,
        0x1F16C, 0x1F171, 0x1F17E, 0x1F17F, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD, 0x1F1E5,
        0x1F201, 0x1F20F, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F, 0x1F232, 0x1F23A, 0x1F23C, 0x1F23F,
        0x1F249, 0x1F3FA, 0x1F400, 0x1F53D, 0x1F546, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F774, 0x1F77F,
        0x1F7D5, 0x1F7FF, 0x1F80C, 0x1F80F, 0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F,
        0x1F8AE, 0x1F8FF, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD,
    };

    /** Spacing marks that extend like non-spacing ones (Other_Grapheme_Extend). */
    private static final int[] EXTENDING_SPACING_MARKS = {
        0x09BE, 0x09D7, 0x0B3E, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57, 0x0DCF,
        0x0DDF, 0x1B35, 0x302E, 0x302F, 0x1133E, 0x11357, 0x114B0, 0x114BD, 0x115AF, 0x11930,
        0x1D165, 0x1D16E, 0x1D16F, 0x1D170, 0x1D171, 0x1D172,
    };

    /** Prepended concatenation marks and other characters that join the one after them. */
    private static final int[] PREPENDS = {
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E,
        0x110BD, 0x110CD, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84, 0x11A85, 0x11A86,
        0x11A87, 0x11A88, 0x11A89, 0x11D46,
    };

    private GraphemeClusters() {}

    /**
     * Returns where the cluster that starts at {@code start} ends.
     *
     * @param text well-formed UTF-16
     * @param start a cluster boundary, less than the text's length
     * @return the index after the cluster's last char, greater than {@code start}
     */
    static int end(String text, int start) {
        final int length = text.length();
        int codePoint = text.codePointAt(start);
        int previous = property(codePoint);
        int i = start + Character.charCount(codePoint);
        // Rule GB11 needs to know whether the cluster so far ends in a pictograph and extenders
        // (then a joiner), GB12 and GB13 how many regional indicators are in the run.
        boolean pictograph = previous == PICTOGRAPHIC;
        boolean pictographJoiner = false;
        int indicators = previous == REGIONAL_INDICATOR ? 1 : 0;
        while (i < length) {
            codePoint = text.codePointAt(i);
            int next = property(codePoint);
            if (!joins(previous, next, pictographJoiner, indicators)) {
                break;
            }
            if (next == PICTOGRAPHIC) {
                pictograph = true;
                pictographJoiner = false;
            } else if (next == EXTEND) {
                pictographJoiner = false;
            } else if (next == ZWJ) {
                pictographJoiner = pictograph;
                pictograph = false;
            } else {
                pictograph = false;
                pictographJoiner = false;
            }
            indicators = next == REGIONAL_INDICATOR ? indicators + 1 : 0;
            previous = next;
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** Whether no boundary falls between a character of {@code previous} and one of {@code next}. */
    private static boolean joins(int previous, int next, boolean afterPictographJoiner, int indicators) {
        if (previous == CR && next == LF) {
            return true; // GB3
        }
        if (previous == CR || previous == LF || previous == CONTROL
                || next == CR || next == LF || next == CONTROL) {
            return false; // GB4, GB5
        }
        if (previous == L && (next == L || next == V || next == LV || next == LVT)) {
            return true; // GB6
        }
        if ((previous == LV || previous == V) && (next == V || next == T)) {
            return true; // GB7
        }
        if ((previous == LVT || previous == T) && next == T) {
            return true; // GB8
        }
        if (next == EXTEND || next == ZWJ || next == SPACING_MARK || previous == PREPEND) {
            return true; // GB9, GB9a, GB9b
        }
        if (previous == ZWJ && next == PICTOGRAPHIC && afterPictographJoiner) {
            return true; // GB11
        }
        // GB12, GB13: regional indicators pair up, a flag each.
        return previous == REGIONAL_INDICATOR && next == REGIONAL_INDICATOR && indicators % 2 == 1;
    }

    /** The Grapheme_Cluster_Break property of a code point, with Extended_Pictographic. */
    static int property(int codePoint) {
        if (codePoint < 0x7F) {
            return codePoint == '\r' ? CR : codePoint == '\n' ? LF : codePoint < 0x20 ? CONTROL : OTHER;
        }
        if (codePoint == 0x200D) {
            return ZWJ;
        }
        if (codePoint == 0x200C || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
                || (codePoint >= 0xE0020 && codePoint <= 0xE007F) || codePoint == 0xFF9E || codePoint == 0xFF9F) {
            return EXTEND; // non-joiner, skin tones, tags (subdivision flags), halfwidth sound marks
        }
        if (codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF) {
            return REGIONAL_INDICATOR;
        }
        int hangul = hangul(codePoint);
        if (hangul != OTHER) {
            return hangul;
        }
        if (contains(PREPENDS, codePoint)) {
            return PREPEND;
        }
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.FORMAT:
            case Character.SURROGATE:
                return CONTROL;
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
                return EXTEND;
            case Character.COMBINING_SPACING_MARK:
                return contains(EXTENDING_SPACING_MARKS, codePoint) ? EXTEND : SPACING_MARK;
            default:
                break;
        }
        if (codePoint == 0x0E33 || codePoint == 0x0EB3) {
            return SPACING_MARK; // Thai and Lao SARA AM
        }
        return isPictographic(codePoint) ? PICTOGRAPHIC : OTHER;
    }

    private static int hangul(int codePoint) {
        if (codePoint < 0x1100 || codePoint > 0xD7FB) {
            return OTHER;
        }
        if (codePoint <= 0x115F || (codePoint >= 0xA960 && codePoint <= 0xA97C)) {
            return L;
        }
        if ((codePoint >= 0x1160 && codePoint <= 0x11A7) || (codePoint >= 0xD7B0 && codePoint <= 0xD7C6)) {
            return V;
        }
        if ((codePoint >= 0x11A8 && codePoint <= 0x11FF) || codePoint >= 0xD7CB) {
            return T;
        }
        if (codePoint >= 0xAC00 && codePoint <= 0xD7A3) {
            return (codePoint - 0xAC00) % 28 == 0 ? LV : LVT;
        }
        return OTHER;
    }

    private static boolean isPictographic(int codePoint) {
        int low = 0;
        int high = PICTOGRAPHIC_RANGES.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < PICTOGRAPHIC_RANGES[2 * middle]) {
                high = middle - 1;
            } else if (codePoint > PICTOGRAPHIC_RANGES[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] sorted, int codePoint) {
        return java.util.Arrays.binarySearch(sorted, codePoint) >= 0;
    }
}
