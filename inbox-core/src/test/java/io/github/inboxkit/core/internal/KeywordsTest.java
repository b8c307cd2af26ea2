package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountSettings;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "S T O P", "stop.", "Stop!", "\tSTOP\n", "ｓｔｏｐ", "StopAll", "opt out"})
    @DisplayName("F18 opt-out keywords match the whole message ignoring case, spaces and surrounding punctuation")
    void matches(String message) {
        assertThat(Keywords.match(message, AccountSettings.DEFAULT_OPT_OUT_KEYWORDS)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop", "STOPPED", "don't stop", "", "   ", "!!!", "st0p", "UNSUBSCRIBE ME"})
    @DisplayName("F18 a keyword inside a longer message, or no keyword, does not match")
    void doesNotMatch(String message) {
        assertThat(Keywords.match(message, AccountSettings.DEFAULT_OPT_OUT_KEYWORDS)).isEmpty();
    }

    @Test
    @DisplayName("F18 accents are ignored on both sides, so ARRET matches Arrêt and ARRÊT matches arret")
    void accents() {
        assertThat(Keywords.match("Arrêt", Set.of("ARRET"))).contains("ARRET");
        assertThat(Keywords.match("arret", Set.of("ARRÊT"))).contains("ARRÊT");
        assertThat(Keywords.match("DÉSABONNER", Set.of("desabonner"))).contains("desabonner");
    }

    @Test
    @DisplayName("F18 very long messages are never keywords")
    void longMessages() {
        assertThat(Keywords.match("STOP" + " ".repeat(100), Set.of("STOP"))).isEmpty();
    }
}
