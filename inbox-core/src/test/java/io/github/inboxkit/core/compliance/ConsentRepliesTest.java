package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.compose.DraftValidator;
import io.github.inboxkit.core.text.MalformedTextException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentRepliesTest {

    @Test
    @DisplayName("F42 by default the opt-out and opt-in confirmations are on and the help reply waits for the host's text")
    void defaults() {
        ConsentReplies defaults = ConsentReplies.defaults();

        assertThat(defaults.helpText()).isEmpty();
        assertThat(defaults.optOutConfirmation()).contains(ConsentReplies.DEFAULT_OPT_OUT_CONFIRMATION);
        assertThat(defaults.optInConfirmation()).contains(ConsentReplies.DEFAULT_OPT_IN_CONFIRMATION);
        assertThat(ConsentReplies.OPT_OUT_CONFIRMATION_DEADLINE).hasMinutes(5);
        defaults.requireFits(DraftValidator.builder().maxSegments(1).build());
    }

    @Test
    @DisplayName("F42 each reply is configurable and can be turned off")
    void configurableAndOffable() {
        ConsentReplies replies = ConsentReplies.builder()
                .helpText("Acme Dental: call 555-0100 for help. Msg & data rates may apply. Reply STOP to opt out.")
                .noOptOutConfirmation()
                .optInConfirmation("Welcome back to Acme Dental reminders. Reply STOP to opt out.")
                .build();

        assertThat(replies.textFor(MessageCategory.HELP_REPLY)).hasValueSatisfying(text -> assertThat(text).startsWith("Acme"));
        assertThat(replies.textFor(MessageCategory.OPT_OUT_CONFIRMATION)).isEmpty();
        assertThat(replies.textFor(MessageCategory.OPT_IN_CONFIRMATION)).isPresent();
        assertThat(replies.textFor(MessageCategory.MARKETING)).isEmpty();
        assertThat(ConsentReplies.builder().noHelpReply().noOptInConfirmation().build().optInConfirmation()).isEmpty();
        assertThat(replies.toString()).contains("help on", "opt-out confirmation off").doesNotContain("Acme");
    }

    @Test
    @DisplayName("F42 a keyword reply never triggers another automatic reply")
    void neverLoops() {
        assertThat(ConsentReplies.mayTriggerReply(MessageCategory.HELP_REPLY)).isFalse();
        assertThat(ConsentReplies.mayTriggerReply(MessageCategory.OPT_OUT_CONFIRMATION)).isFalse();
        assertThat(ConsentReplies.mayTriggerReply(MessageCategory.OPT_IN_CONFIRMATION)).isFalse();
        assertThat(ConsentReplies.mayTriggerReply(MessageCategory.CONVERSATIONAL)).isTrue();
        // the default texts themselves read as no keyword to a system that answers keywords
        assertThat(HelpKeywords.standard().matches(ConsentReplies.DEFAULT_HELP_TEXT)).isFalse();
        assertThat(HelpKeywords.standard().matches(ConsentReplies.DEFAULT_OPT_OUT_CONFIRMATION)).isFalse();
        assertThat(RevocationDetector.standard().detect(ConsentReplies.DEFAULT_OPT_IN_CONFIRMATION).kind())
                .isNotEqualTo(RevocationKind.MANDATORY_KEYWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "Info?", "STOP", "Stop please", " ", ""})
    @DisplayName("F42 a reply text that is only a keyword, or blank, is refused")
    void keywordTextsRefused(String text) {
        assertThatThrownBy(() -> ConsentReplies.builder().helpText(text))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("helpText");
    }

    @Test
    @DisplayName("F42 a reply text too long or not storable is refused, naming the reply")
    void malformedTexts() {
        assertThatThrownBy(() -> ConsentReplies.builder().optOutConfirmation("x".repeat(ConsentReplies.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("optOutConfirmation");
        assertThatThrownBy(() -> ConsentReplies.builder().optInConfirmation("bad\u0000text"))
                .isInstanceOf(MalformedTextException.class);
    }

    @Test
    @DisplayName("F42 a confirmation must fit the segment limit the account allows")
    void mustFitTheAccountsLimit() {
        ConsentReplies replies = ConsentReplies.builder().optOutConfirmation("You are unsubscribed. " + "x".repeat(200)).build();

        replies.requireFits(DraftValidator.standard());
        assertThatThrownBy(() -> replies.requireFits(DraftValidator.builder().maxSegments(1).build()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("1 segment")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("optOutConfirmation");
        ConsentReplies invisible = ConsentReplies.builder().helpText("\u200B\u200B").build();
        assertThatThrownBy(() -> invisible.requireFits(DraftValidator.standard()))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("helpText");
    }
}
