package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.compliance.KeywordText;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches opt-out and opt-in keywords (F18): the whole message must be the keyword, ignoring case,
 * accents, width variants, whitespace and punctuation around it ({@code " Stop. "} and {@code "arrêt"} match
 * {@code STOP} and {@code ARRET}).
 */
final class Keywords {

    /** Longer messages are conversation, not keywords; also bounds the normalisation's cost. */
    private static final int MAX_KEYWORD_MESSAGE_LENGTH = KeywordText.MAX_KEYWORD_MESSAGE_LENGTH;

    private Keywords() {}

    /**
     * Normalises text for keyword comparison.
     *
     * @param text any text
     * @return the text without accents, whitespace and surrounding punctuation, upper-cased
     */
    static String normalize(String text) {
        return KeywordText.normalize(text); // one normalisation for opt-out, opt-in and HELP keywords
    }

    /**
     * Finds the keyword a message is.
     *
     * @param message the message's text
     * @param keywords the configured keywords
     * @return the matching keyword as configured, if the whole message is one
     */
    static Optional<String> match(String message, Set<String> keywords) {
        if (message.length() > MAX_KEYWORD_MESSAGE_LENGTH) {
            return Optional.empty();
        }
        String normalized = normalize(message);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (String keyword : new TreeSet<>(keywords)) {
            if (normalize(keyword).equals(normalized)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
