package io.github.inboxkit.core.compliance;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How one character of an inbound text reads for matching: lower case, without accents, full-width
 * forms as their ASCII letters, ligatures spelled out. Latin characters are folded through a table
 * computed once, so that folding a text costs one array load per character and allocates nothing.
 */
final class Folding {

    /** Characters below this are folded through {@link #TABLE}: ASCII, Latin-1 and Latin Extended-A/B. */
    private static final int TABLE_END = 0x250;

    /** The folded form of each character below {@link #TABLE_END}; {@code null} when it is no letter or digit. */
    private static final char[][] TABLE = new char[TABLE_END][];

    static {
        for (int c = 0; c < TABLE_END; c++) {
            if (Character.isLetterOrDigit(c)) {
                TABLE[c] = foldSlowly(c).toCharArray();
            }
        }
    }

    /** The folded char of each ASCII letter and digit, 0 for the other ASCII chars. */
    private static final char[] ASCII = new char[0x80];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = TABLE[c] == null ? 0 : TABLE[c][0];
        }
    }

    private Folding() {}

    /**
     * Returns the folded form of an ASCII char: its lower case for a letter, itself for a digit.
     *
     * @param c a char below 0x80
     * @return the folded char, or 0 when {@code c} is no letter or digit
     */
    static char foldAscii(char c) {
        return ASCII[c];
    }

    private static String foldSlowly(int codePoint) {
        switch (codePoint) {
            // not compatibility characters, so NFKD leaves them whole
            case 'Œ': case 'œ': return "oe";
            case 'Æ': case 'æ': return "ae";
            case 'Ø': case 'ø': return "o";
            case 'Đ': case 'đ': return "d";
            case 'Ł': case 'ł': return "l";
            default:
                String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
                StringBuilder out = new StringBuilder(decomposed.length());
                decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
                String folded = out.toString().toLowerCase(Locale.ROOT);
                return folded.isEmpty() ? new String(Character.toChars(Character.toLowerCase(codePoint))) : folded;
        }
    }

    /**
     * Returns the folded form of a Latin letter or digit.
     *
     * @param codePoint a code point
     * @return its folded chars (shared: never modify), or {@code null} when the code point is no
     *         Latin or full-width letter or digit; {@link #isOtherLetter} tells about the others
     */
    static char[] foldLatin(int codePoint) {
        if (codePoint < TABLE_END) {
            return TABLE[codePoint];
        }
        if (codePoint >= 0xFF10 && codePoint <= 0xFF5A) {
            // full-width digits and letters: the ASCII ones shifted by 0xFEE0
            int ascii = codePoint - 0xFEE0;
            return TABLE[ascii];
        }
        return null;
    }

    /**
     * Tells whether a code point outside the Latin table is a letter or digit (Greek, Cyrillic, CJK…):
     * part of a word, though of no word the rules know.
     *
     * @param codePoint a code point for which {@link #foldLatin} returned {@code null}
     * @return whether it continues a word
     */
    static boolean isOtherLetter(int codePoint) {
        return codePoint >= TABLE_END && Character.isLetterOrDigit(codePoint);
    }

    /**
     * Tells whether a code point is invisible inside a word: combining accents typed apart from
     * their letter, zero-width spaces and joiners, soft hyphens, emoji variation selectors.
     *
     * @param codePoint a code point
     * @return whether to skip it without ending the word
     */
    static boolean isIgnorable(int codePoint) {
        if (codePoint < 0x80) {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
    }

    /**
     * Tells whether a code point is an apostrophe, straight, typographic or typed as an accent.
     *
     * @param codePoint a code point
     * @return whether it is one
     */
    static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019' || codePoint == '\u2018' || codePoint == '\u02BC'
                || codePoint == '`' || codePoint == '\u00B4' || codePoint == '\u2032' || codePoint == '\uFF07';
    }

    /**
     * Tells whether a code point ends a sentence, or opens one as Spanish's inverted marks do.
     *
     * @param codePoint a code point
     * @return whether it is a sentence boundary
     */
    static boolean isSentenceBoundary(int codePoint) {
        switch (codePoint) {
            case '.': case '!': case '?': case ';': case ':': case '\n': case '\r':
            case '\u2026': case '\u00A1': case '\u00BF': case '\u3002': case '\uFF01': case '\uFF1F': case '\u203C':
                return true;
            default:
                return false;
        }
    }

    /**
     * Tells whether a code point separates clauses within a sentence: a comma or a long dash.
     *
     * @param codePoint a code point
     * @return whether it is a clause boundary
     */
    static boolean isClauseBoundary(int codePoint) {
        return codePoint == ',' || codePoint == '\u2013' || codePoint == '\u2014' || codePoint == '\uFF0C'
                || codePoint == '\u060C';
    }

    /**
     * Tells whether a code point is an emoji people use for laughing, which turns a lone
     * "Stop!" into banter.
     *
     * @param codePoint a code point
     * @return whether it is a laughing face
     */
    static boolean isLaughter(int codePoint) {
        return codePoint == 0x1F602 || codePoint == 0x1F923 || codePoint == 0x1F606 || codePoint == 0x1F639
                || codePoint == 0x1F605 || codePoint == 0x1F604 || codePoint == 0x1F601;
    }

    /**
     * Folds a word of a rule the way {@link InboundWords} folds the words of a text, letters
     * doubled or more reduced to one.
     *
     * @param word a rule word, letters and digits only (an apostrophe is not allowed: rules spell
     *        words as a text splits them, {@code "m ecrire"}, {@code "dont"})
     * @return the folded word
     * @throws IllegalArgumentException if the word holds anything but letters and digits
     */
    static String foldWord(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(codePoint -> {
            char[] folded = foldLatin(codePoint);
            if (folded == null) {
                throw new IllegalArgumentException("rule word holds a character that is not a Latin letter or digit: "
                        + word);
            }
            for (char c : folded) {
                if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                    out.append(c);
                }
            }
        });
        if (out.length() == 0) {
            throw new IllegalArgumentException("empty rule word");
        }
        return out.toString();
    }
}
