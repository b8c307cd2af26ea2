package io.github.inboxkit.core.store;

import io.github.inboxkit.core.Require;
import java.util.List;

/**
 * An inbox search as the store must apply it (F8), already normalised by the engine. A
 * conversation matches if any of these holds:
 *
 * <ul>
 *   <li>its saved contact's {@code fullName} (first name, a space, last name), lower-cased with
 *       {@code Locale.ROOT}, contains {@link #text()};
 *   <li>one of {@link #digitVariants()} is contained in its phone number's digits
 *       ({@code PhoneNumber.digits()});
 *   <li>one of its messages created at or after the listing's {@code activeSince}, lower-cased,
 *       contains {@link #text()}.
 * </ul>
 *
 * <p>Both strings are plain data: a SQL store must bind them as parameters and escape {@code %},
 * {@code _} and its escape character for {@code LIKE}; nothing is a pattern.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the search text, trimmed and lower-cased with {@code Locale.ROOT}, never empty
 * @param digitVariants digit strings to look for in phone numbers (the typed digits, and the same
 *     without a national {@code 0} or international {@code 00} prefix); empty when the search does
 *     not look like a phone number
 */
public record SearchTerm(String text, List<String> digitVariants) {

    /**
     * Validates the term.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if the text is blank
     */
    public SearchTerm {
        Require.nonNull(text, "text");
        Require.argument(!text.isBlank(), "search", "must not be blank");
        digitVariants = List.copyOf(digitVariants);
    }
}
