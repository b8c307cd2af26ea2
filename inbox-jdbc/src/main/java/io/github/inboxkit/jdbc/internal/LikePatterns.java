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
