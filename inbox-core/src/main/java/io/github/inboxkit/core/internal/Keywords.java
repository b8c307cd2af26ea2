package io.github.inboxkit.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.inboxkit.core.compliance.KeywordText;
import java.util.HashMap;
import java.util.Map;
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
        return matchNormalized(normalizeMessage(message), keywords);
    }

    /**
     * Normalises a message for {@link #matchNormalized}: once for all the keyword sets it is
     * matched against.
     *
     * @param message the message's text
     * @return its normal form, or {@code ""} if it is too long to be a keyword
     */
    static String normalizeMessage(String message) {
        return message.length() > MAX_KEYWORD_MESSAGE_LENGTH ? "" : normalize(message);
    }

    /**
     * Finds the keyword a normalised message is.
     *
     * @param normalized the message as {@link #normalizeMessage} gives it
     * @param keywords the configured keywords (an immutable set, as the account's settings hold: a set
     *     changed after its first use would be matched as it was)
     * @return the matching keyword as configured (the first in sorted order if several have the
     *     same normal form), if the whole message is one
     */
    static Optional<String> matchNormalized(String normalized, Set<String> keywords) {
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NORMAL_FORM.get(keywords, Keywords::byNormalForm).get(normalized));
    }

    /**
     * The keyword sets in use, each by its keywords' normal forms: every inbound message is matched
     * against them, and normalising each keyword for each message cost more than the message's own.
     * Keyed by identity (weak keys): an account's settings, cached, hand the same set each time,
     * and a set no longer held by any settings is dropped with them.
     */
    private static final Cache<Set<String>, Map<String, String>> BY_NORMAL_FORM = Caffeine.newBuilder()
            .weakKeys().maximumSize(10_000).build();

    private static Map<String, String> byNormalForm(Set<String> keywords) {
        Map<String, String> forms = new HashMap<>();
        for (String keyword : new TreeSet<>(keywords)) {
            forms.putIfAbsent(normalize(keyword), keyword);
        }
        return Map.copyOf(forms);
    }
}
