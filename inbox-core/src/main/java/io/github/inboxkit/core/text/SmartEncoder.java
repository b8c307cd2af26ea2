package io.github.inboxkit.core.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces typographic look-alikes with the plain characters a GSM handset has: curly quotes,
 * dashes, the ellipsis, the many Unicode spaces, invisible formatting characters, the fullwidth
 * forms of ASCII that Asian keyboards type, small-form and ornamental punctuation, small capitals.
 * Word processors, phone keyboards and "fancy text" generators insert these silently, and one of
 * them is enough to switch a whole message to UCS-2 and more than double its cost.
 *
 * <p>A character is replaced only when the reader of the replaced text understands the same thing.
 * Some look-alikes are left alone on purpose, because every GSM replacement would change what the
 * text says: vulgar fractions ({@code 1½} would read {@code 11/2}), combining marks (they belong to
 * the letter before them: an {@code n} with a combining tilde is an {@code ñ}, not {@code n~}),
 * control characters (they are not text; dropping them would hide a defect) and mathematical
 * operators whose shape is their meaning ({@code ⊛}).
 *
 * <p>Every character it replaces is outside the GSM default alphabet, and every replacement is
 * in it (or in its extension table), so that the decision to replace is only a matter of whether
 * the rest of the text is GSM. Stateless; safe to use from any thread.
 */
final class SmartEncoder {

    /** Indexed by char; null where the char is kept. Covers up to the last fullwidth form, U+FF64. */
    private static final String[] REPLACEMENTS = new String[0xFF64 + 1];

    static {
        map("\"", '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u2036', '\u00AB', '\u00BB', '\u02BA',
                '\u02EE', '\u275D', '\u275E', '\u301D', '\u301E');
        // Apostrophes and single quotes; the low-9 quote opens a quotation, so it stays a quote.
        map("'", '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u02BC', '\u00B4', '`', '\u02B9',
                '\u02BB', '\u02BD', '\u02C8', '\u02CA', '\u02CB', '\u275B', '\u275C');
        // Single angle quotes: each to the bracket that points the same way.
        map("<", '\u2039', '\uFE64');
        map(">", '\u203A', '\uFE65');
        map("-", '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2043', '\u2022',
                '\u23BC', '\u23BD', '\uFE63');
        map("...", '\u2026', '\u22EF', '\uFE19');
        map("..", '\u2025');
        map(".", '\u2024', '\u3002', '\uFE52', '\uFF61');
        map(",", '\u3001', '\uFE10', '\uFE11', '\uFE50', '\uFE51', '\uFF64');
        map("!!", '\u203C');
        map("!", '\u01C3', '\uFE15', '\uFE57');
        map("?", '\uFE16', '\uFE56');
        map(":", '\u02D0', '\u02F8', '\u2982', '\uA789', '\uFE13');
        map(";", '\u204F', '\uFE14', '\uFE54');
        map("/", '\u00F7', '\u2044', '\u2215', '\u29F8');
        map("\\", '\u29F5', '\u29F9', '\uFE68');
        map("|", '\u2223', '\u239C', '\u239F', '\u23B8', '\u23B9', '\u23D0');
        map("_", '\u2017');
        map("(", '\u2768', '\u276A', '\u27EE', '\u2985', '\uFE59');
        map(")", '\u2769', '\u276B', '\u27EF', '\u2986', '\uFE5A');
        map("{", '\u2774', '\uFE5B');
        map("}", '\u2775', '\uFE5C');
        map("*", '\u204E', '\u2217', '\u2722', '\u2723', '\u2724', '\u2725', '\u2731', '\u2732', '\u2733',
                '\u273A', '\u273B', '\u273C', '\u273D', '\u2743', '\u2749', '\u274A', '\u274B', '\uFE61');
        map("+", '\u02D6', '\uFE62');
        map("=", '\uA78A', '\uFE66');
        map("#", '\uFE5F');
        map("$", '\uFE69');
        map("%", '\uFE6A');
        map("&", '\uFE60');
        map("@", '\uFE6B');
        map("^", '\u02C6');
        map("~", '\u02DC', '\u02F7', '\u223C');
        // Fullwidth forms U+FF01 to U+FF5E are ASCII U+0021 to U+007E, each 0xFEE0 further on; the
        // fullwidth grave accent goes the way of the plain one, which GSM lacks.
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
            char ascii = (char) (c - 0xFEE0);
            REPLACEMENTS[c] = ascii == '`' ? "'" : String.valueOf(ascii);
        }
        // Small capitals, as typed by "fancy text" generators: the capital letter they are drawn as.
        String smallCapitals = "\u1D00\u0299\u1D04\u1D05\u1D07\uA730\u0262\u029C\u026A\u1D0A\u1D0B\u029F\u1D0D"
                + "\u0274\u1D0F\u1D18\u0280\uA731\u1D1B\u1D1C\u1D20\u1D21\u028F\u1D22";
        String capitals = "ABCDEFGHIJKLMNOPRSTUVWYZ";
        for (int i = 0; i < smallCapitals.length(); i++) {
            REPLACEMENTS[smallCapitals.charAt(i)] = String.valueOf(capitals.charAt(i));
        }
        // No-break, fixed-width and ideographic spaces look like a space and are one to a reader; a
        // tab separates words as a space does (a handset has no tab stops).
        map(" ", '\u00A0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
                '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000', '\t');
        // The Unicode line and paragraph separators break the line, as a line feed does.
        map("\n", '\u2028', '\u2029');
        // Invisible: zero-width space, word joiner, soft hyphen, byte order mark.
        map("", '\u200B', '\u2060', '\u00AD', '\uFEFF');
    }

    private SmartEncoder() {}

    private static void map(String replacement, char... originals) {
        for (char original : originals) {
            if (REPLACEMENTS[original] != null) {
                throw new AssertionError(String.format("U+%04X is mapped twice", (int) original));
            }
            REPLACEMENTS[original] = replacement;
        }
    }

    /** The replacement for {@code c}, or null when smart encoding keeps it. */
    static String replacementOf(char c) {
        return c < REPLACEMENTS.length ? REPLACEMENTS[c] : null;
    }

    /** The result of {@link #apply}: the new text and what was replaced, in order of first use. */
    record Result(String text, List<SmartReplacement> replacements) {}

    /**
     * Replaces every look-alike in {@code text}.
     *
     * @return the result, or null when the text has nothing to replace
     */
    static Result apply(String text) {
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            if (replacementOf(text.charAt(i)) != null) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        Map<Character, int[]> counts = new LinkedHashMap<>();
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacementOf(c);
            if (replacement == null) {
                out.append(c);
            } else {
                out.append(replacement);
                counts.computeIfAbsent(c, key -> new int[1])[0]++;
            }
        }
        List<SmartReplacement> replacements = new ArrayList<>(counts.size());
        counts.forEach((c, n) -> replacements.add(new SmartReplacement(String.valueOf(c), replacementOf(c), n[0])));
        return new Result(out.toString(), List.copyOf(replacements));
    }
}
