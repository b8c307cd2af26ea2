package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountSettings;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class KeywordProperties {

    @Provide
    Arbitrary<String> disguisedKeywords() {
        Arbitrary<String> keyword = Arbitraries.of(List.copyOf(AccountSettings.DEFAULT_OPT_OUT_KEYWORDS));
        Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t", "\u00a0", "\n");
        return keyword.flatMap(word -> Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(word.length())
                .flatMap(flips -> space.list().ofSize(word.length() + 1).map(spaces -> {
                    StringBuilder disguised = new StringBuilder(spaces.get(0));
                    for (int i = 0; i < word.length(); i++) {
                        char c = word.charAt(i);
                        disguised.append(flips.get(i) % 2 == 0 ? Character.toLowerCase(c) : c).append(spaces.get(i + 1));
                    }
                    return disguised.toString();
                })));
    }

    @Property
    @Label("F18 any casing and spacing of an opt-out keyword opts out")
    void disguisedKeywordsMatch(@ForAll("disguisedKeywords") String message) {
        assertThat(Keywords.match(message, AccountSettings.DEFAULT_OPT_OUT_KEYWORDS)).isPresent();
    }

    @Property
    @Label("F18 a keyword with more letters around it never opts out")
    void longerWordsDoNotMatch(@ForAll("disguisedKeywords") String message,
            @ForAll @StringLength(min = 1, max = 5) @net.jqwik.api.constraints.AlphaChars String extra) {
        assertThat(Keywords.match(message + extra, java.util.Set.of(Keywords.normalize(message)))).isEmpty();
    }
}
