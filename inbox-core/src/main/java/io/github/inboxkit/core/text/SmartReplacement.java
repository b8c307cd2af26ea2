package io.github.inboxkit.core.text;

import java.util.Objects;

/**
 * One kind of replacement smart encoding made: every occurrence of {@code original} in the text
 * was replaced by {@code replacement}.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param original the character that was replaced (one code point, as a string)
 * @param replacement what replaced it: GSM characters, or the empty string for an invisible
 *     character that was dropped
 * @param occurrences how many times it was replaced, at least 1
 */
public record SmartReplacement(String original, String replacement, int occurrences) {

    /**
     * Validates the parts.
     *
     * @param original the character that was replaced
     * @param replacement what replaced it, possibly empty
     * @param occurrences how many times, at least 1
     * @throws NullPointerException if a string is null
     * @throws IllegalArgumentException if {@code original} is empty or {@code occurrences} is not
     *     positive
     */
    public SmartReplacement {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(replacement, "replacement");
        if (original.isEmpty()) {
            throw new IllegalArgumentException("original must not be empty");
        }
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be >= 1, got " + occurrences);
        }
    }
}
