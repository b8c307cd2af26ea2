package io.github.inboxkit.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitialsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Alice Martin|AM",
        "alice martin|AM",
        "Madonna|M",
        "Élodie Martin|ÉM",
        "Jean-Pierre Dupont|JD",
        "  Marie   Claire   Durand  |MD",
        "Ça Va|ÇV",
        "Øyvind Ødegård|ØØ",
        "张伟|张",
        "Дмитрий Иванов|ДИ",
        "محمد علي|مع",
        "Ω|Ω",
        "(Support) Ann|A",
        "e\u0301mile zola|E\u0301Z",
    })
    @DisplayName("F9 initials: first letters of the first and last words, one for one word, any script")
    void initials(String name, String expected) {
        assertThat(Initials.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "👩‍💻|👩‍💻",
        "🎉 Party|P",
        "🇫🇷|🇫🇷",
    })
    @DisplayName("F9 initials never split an emoji: emoji-only names keep the whole emoji")
    void emoji(String name, String expected) {
        assertThat(Initials.of(name)).isEqualTo(expected);
    }
}
