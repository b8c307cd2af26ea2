package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.store.SearchTerm;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    @DisplayName("F8 a number in national, international or E.164 formatting gives digit variants")
    void numbers() {
        assertThat(SearchTerms.of("06 12 34").digitVariants()).containsExactly("061234", "61234");
        assertThat(SearchTerms.of("0033 6 12").digitVariants()).containsExactly("0033612", "33612");
        assertThat(SearchTerms.of("+33 (6) 12-34").digitVariants()).containsExactly("3361234");
        assertThat(SearchTerms.of("5678").digitVariants()).containsExactly("5678");
    }

    @Test
    @DisplayName("F8 words, and fewer than three digits, search no phone digits; text is lower-cased")
    void words() {
        SearchTerm term = SearchTerms.of("Order 42");
        assertThat(term.text()).isEqualTo("order 42");
        assertThat(term.digitVariants()).isEmpty();
        assertThat(SearchTerms.of("12").digitVariants()).isEmpty();
    }

    @Test
    @DisplayName("F8 a blank search is no search")
    void blank() {
        assertThat(SearchTerms.of(Optional.of("   "))).isEmpty();
        assertThat(SearchTerms.of(Optional.empty())).isEmpty();
    }
}
