package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns what a user typed in the inbox search box into the {@link SearchTerm} stores apply (F8). */
final class SearchTerms {

    /** Text made only of digits and the usual phone formatting characters. */
    private static final Pattern PHONE_LIKE = Pattern.compile("[\\d\\s+().\\-/]+");
    private static final int MIN_DIGITS = 3;

    private SearchTerms() {}

    static Optional<SearchTerm> of(Optional<String> input) {
        return input.map(String::strip).filter(s -> !s.isEmpty()).map(SearchTerms::of);
    }

    static SearchTerm of(String input) {
        String text = input.toLowerCase(Locale.ROOT);
        List<String> variants = new ArrayList<>();
        String digits = PhoneNumber.digitsOf(input);
        if (PHONE_LIKE.matcher(input).matches() && digits.length() >= MIN_DIGITS) {
            variants.add(digits);
            // a national "0..." or international "00..." prefix is not part of the E.164 digits
            String stripped = digits.startsWith("00") ? digits.substring(2)
                    : digits.startsWith("0") ? digits.substring(1) : digits;
            if (!stripped.equals(digits) && stripped.length() >= MIN_DIGITS) {
                variants.add(stripped);
            }
        }
        return new SearchTerm(text, variants);
    }
}
