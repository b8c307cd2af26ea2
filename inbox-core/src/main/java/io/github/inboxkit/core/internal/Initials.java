package io.github.inboxkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Derives the initials shown on assigned conversations from a display name. */
public final class Initials {

    private Initials() {}

    /**
     * Derives initials: the first user-perceived character of the first and of the last word that
     * start with a letter, upper-cased; one character for a one-word name; the first character of
     * the name if no word starts with a letter (e.g. an emoji-only name).
     *
     * @param displayName a non-blank display name
     * @return one or two user-perceived characters
     */
    public static String of(String displayName) {
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
        String initials = firsts.size() == 1
                ? firsts.get(0)
                : firsts.get(0) + firsts.get(firsts.size() - 1);
        return initials.toUpperCase(Locale.ROOT);
    }

    /** The first user-perceived character: {@code \\X} keeps emoji sequences and accents whole. */
    private static final Pattern FIRST_GRAPHEME = Pattern.compile("^\\X");

    private static String firstGrapheme(String text) {
        Matcher matcher = FIRST_GRAPHEME.matcher(text);
        return matcher.find() ? matcher.group() : text;
    }
}
