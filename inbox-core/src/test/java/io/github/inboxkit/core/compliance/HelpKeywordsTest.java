package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelpKeywordsTest {

    private final HelpKeywords keywords = HelpKeywords.standard();

    @ParameterizedTest(name = "[{0}] asks for help with {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "HELP                 | HELP",
        "help                 | HELP",
        "Help?                | HELP",
        "\"  HELP!!  \"       | HELP",
        "help please          | HELP",
        "Help me              | HELP",
        "hi, help pls         | HELP",
        "help help            | HELP",
        "Help 🙏              | HELP",
        "ＨＥＬＰ             | HELP",
        "info                 | INFO",
        "Info?                | INFO",
        "information          | INFORMATION",
        "AYUDA                | AYUDA",
        "¿Ayuda?              | AYUDA",
        "ayuda por favor      | AYUDA",
        "información          | INFORMACIÓN",
        "informacion          | INFORMACIÓN",
        "Aide                 | AIDE",
        "aide svp             | AIDE",
        "Aide, s'il vous plaît | AIDE",
        "infos merci          | INFOS",
    })
    @DisplayName("F42 HELP and INFO in English, Spanish and French are recognised alone or with courtesy words")
    void recognised(String text, String keyword) {
        assertThat(keywords.match(text)).contains(keyword);
    }

    @ParameterizedTest(name = "[{0}] is conversation")
    @ValueSource(strings = {
        "I need help with my order",
        "can you help",
        "help is on the way, thanks for waiting",
        "helpful, thanks",
        "more info on the sale?",
        "STOP",
        "",
        "?!",
        "please please please please please help",
    })
    @DisplayName("F42 a longer reply, another word or no keyword is not a HELP request")
    void notRecognised(String text) {
        assertThat(keywords.match(text)).isEmpty();
    }

    @Test
    @DisplayName("F42 a text longer than a keyword reply is never a keyword")
    void longText() {
        assertThat(keywords.matches("HELP" + " ".repeat(70))).isFalse();
    }

    @Test
    @DisplayName("F42 an account's own keywords are recognised too, a several-word one as the whole text")
    void extraKeywords() {
        HelpKeywords account = HelpKeywords.withExtraKeywords(List.of("Hilfe", "MORE INFO", "SUPPORT"));

        assertThat(account.match("hilfe bitte")).isEmpty();
        assertThat(account.match("HILFE")).contains("Hilfe");
        assertThat(account.match("more info")).contains("MORE INFO");
        assertThat(account.match("Support please")).contains("SUPPORT");
        assertThat(account.match("help")).contains("HELP");
        assertThat(account.keywords()).startsWith("HELP").contains("Hilfe", "MORE INFO", "SUPPORT");
        assertThat(keywords.match("support")).isEmpty();
    }

    @Test
    @DisplayName("F42 an extra keyword that is blank, too long, only punctuation or an opt-out word is refused")
    void extraKeywordValidation() {
        for (String bad : List.of(" ", "X".repeat(HelpKeywords.MAX_KEYWORD_LENGTH + 1), "??", "STOP", "Unsubscribe")) {
            assertThatThrownBy(() -> HelpKeywords.withExtraKeywords(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("helpKeywords");
        }
    }

    @Test
    @DisplayName("F42 HELP keywords are compared as opt-out keywords are, through one normalisation")
    void sharedNormalisation() {
        assertThat(KeywordText.normalize(" Ayúda! ")).isEqualTo("AYUDA");
        assertThat(KeywordText.normalize("Opt-Out")).isEqualTo("OPT-OUT");
        assertThat(KeywordText.normalize("stop all")).isEqualTo("STOPALL");
        assertThat(KeywordText.normalize("🙏")).isEmpty();
    }
}
