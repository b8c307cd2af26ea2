package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.Require;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How InboxKit compares a keyword with an inbound text: opt-out and opt-in keywords (F18) and HELP
 * keywords (F42) are all read through {@link #normalize(String)}, so {@code " Stop. "}, {@code
 * "stop"} and {@code "STOP"} are one keyword, and so are {@code "Arrêt"} and {@code "ARRET"}.
 *
 * <p>A host can use it to show an agent which configured keywords are the same keyword.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeywordText {

    /** Longer messages are conversation, not keywords; also bounds the normalisation's cost. */
    public static final int MAX_KEYWORD_MESSAGE_LENGTH = 64;

    // Compiled once: normalize runs for every inbound message and every configured keyword.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private KeywordText() {}

    /**
     * Normalises text for keyword comparison: without accents (NFKD, so full-width letters read as
     * ASCII ones), without whitespace inside or around it, without punctuation, symbols or emoji
     * around it, upper-cased.
     *
     * @param text any text
     * @return the normalised text, possibly empty ({@code "?!"} gives {@code ""})
     * @throws io.github.inboxkit.core.MissingValueException if {@code text} is null
     */
    public static String normalize(String text) {
        Require.nonNull(text, "text");
        String ascii = normalizeAscii(text);
        return ascii != null ? ascii : normalizeByPatterns(text);
    }

    /**
     * The normalisation of an ASCII text without the patterns: NFKD leaves ASCII as it is and it
     * has no marks, so only its whitespace goes, then the characters around it that are neither
     * letters nor digits, and letters are upper-cased (what {@link #normalizeByPatterns} does to
     * it, a property test holds them equal). Most inbound texts are ASCII; this one pass costs a
     * fraction of the patterns' three.
     *
     * @return the normal form, or null if the text is not all ASCII
     */
    static String normalizeAscii(String text) {
        int length = text.length();
        char[] kept = new char[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            // \s and \p{Z} within ASCII: space, tab, line feed, vertical tab, form feed, return
            if (c != ' ' && (c < '\t' || c > '\r')) {
                kept[count++] = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
            }
        }
        int start = 0;
        while (start < count && !isAsciiLetterOrDigit(kept[start])) {
            start++;
        }
        int end = count;
        while (end > start && !isAsciiLetterOrDigit(kept[end - 1])) {
            end--;
        }
        return new String(kept, start, end - start);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The normalisation of any text, by its definition's three patterns. */
    static String normalizeByPatterns(String text) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String withoutSpace = SPACES.matcher(withoutAccents).replaceAll("");
        String trimmed = EDGE_PUNCTUATION.matcher(withoutSpace).replaceAll("");
        return trimmed.toUpperCase(Locale.ROOT);
    }
}
