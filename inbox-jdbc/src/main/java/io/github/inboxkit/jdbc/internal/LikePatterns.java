package io.github.inboxkit.jdbc.internal;

/**
 * Turns user input into a LIKE pattern that matches it literally: {@code %}, {@code _} and the
 * escape character itself are escaped, so a search for {@code "50%"} finds "50%" and not "500".
 * Statements use {@code LIKE ? ESCAPE '!'} (or {@code ILIKE}) with the pattern bound as a
 * parameter, never concatenated.
 *
 * <p>Stateless and thread-safe.
 */
final class LikePatterns {

    /** The escape character every LIKE of the store declares. */
    static final char ESCAPE = '!';

    private LikePatterns() {}

    /** @return a pattern matching any text that contains {@code term} literally */
    static String containing(String term) {
        return "%" + escape(term) + "%";
    }

    /**
     * Whether a trigram index can narrow a search for {@code term}: pg_trgm extracts trigrams from
     * runs of letters and digits only, and a {@code LIKE '%term%'} without one (two characters,
     * "a b", punctuation) makes a GIN index read every entry of the column, for every account.
     *
     * @return true if the term has a run of at least three letters or digits
     */
    static boolean hasTrigram(String term) {
        int run = 0;
        for (int i = 0; i < term.length(); i++) {
            run = Character.isLetterOrDigit(term.charAt(i)) ? run + 1 : 0;
            if (run >= 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column expression to match {@code term} against: the column itself when a trigram index
     * can serve the term, else an expression no index matches, so that no plan (a cached generic
     * plan included) turns a short term into a full scan of a GIN index.
     */
    static String searchable(String column, String term) {
        return hasTrigram(term) ? column : "(" + column + " || '')";
    }

    /** @return {@code term} with LIKE's wildcards and the escape character escaped */
    static String escape(String term) {
        StringBuilder out = new StringBuilder(term.length() + 8);
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
