package io.github.inboxkit.core.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Derives the initials shown on assigned conversations from a display name. */
final class Initials {

    private Initials() {}

    /**
     * Derives initials: the first user-perceived character of the first and of the last word that
     * start with a letter, upper-cased; one character for a one-word name; the first character of
     * the name if no word starts with a letter (e.g. an emoji-only name).
     *
     * @param displayName a non-blank display name
     * @return one or two user-perceived characters
     */
    static String of(String displayName) {
        return KNOWN.get(displayName, Initials::derive);
    }

    /**
     * The initials of the names seen: an inbox page shows its assignees' on every read, and the
     * grapheme matching behind them cost more than the rest of the page's rows.
     */
    private static final Cache<String, String> KNOWN = Caffeine.newBuilder().maximumSize(10_000).build();

    private static String derive(String displayName) {
        List<String> firsts = new ArrayList<>();
        for (String word : displayName.trim().split("[\\s\\-_.]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String first = firstGrapheme(word);
            if (Character.isLetter(first.codePointAt(0))) {
                firsts.add(first);
            }
        }
        if (firsts.isEmpty()) {
            return firstGrapheme(displayName.trim());
        }
        return firsts.size() == 1
                ? upper(firsts.get(0))
                : upper(firsts.get(0)) + upper(firsts.get(firsts.size() - 1));
    }

    /**
     * Upper-cases one user-perceived character, unless that makes more of them: a ligature such as
     * "ﬃ" upper-cases to "FFI", which is not an initial.
     */
    private static String upper(String grapheme) {
        String upper = grapheme.toUpperCase(Locale.ROOT);
        return firstGrapheme(upper).equals(upper) ? upper : grapheme;
    }

    /** The first user-perceived character: {@code \\X} keeps emoji sequences and accents whole. */
    private static final Pattern FIRST_GRAPHEME = Pattern.compile("^\\X");

    private static String firstGrapheme(String text) {
        Matcher matcher = FIRST_GRAPHEME.matcher(text);
        return matcher.find() ? matcher.group() : text;
    }
}
