package io.github.inboxkit.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccountSettingsTest {

    @Test
    @DisplayName("F1 F18 defaults: 90-day window, auto opt-out with the standard keywords, opt-in keywords")
    void defaults() {
        AccountSettings settings = AccountSettings.defaults();
        assertThat(settings.retentionWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.autoOptOut()).isTrue();
        assertThat(settings.optOutKeywords()).containsExactlyInAnyOrder(
                "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");
        assertThat(settings.optInKeywords()).containsExactlyInAnyOrder("START", "UNSTOP", "YES");
        assertThat(settings.maxMmsBytes()).isEqualTo(410 * 1024);
        assertThat(settings.maxSegments()).isEqualTo(10);
    }

    @Test
    @DisplayName("F21 F22 sender IDs with a default, and number pools of E.164 numbers")
    void senders() {
        AccountSettings settings = AccountSettings.builder()
                .addSenderIds("+33700000001", "36111", "CLINIQUE")
                .defaultSenderId("CLINIQUE")
                .putNumberPools("france", List.of("+33700000001", "+33700000002"))
                .putTemplates("welcome", "Bonjour {{firstName|there}}")
                .build();
        assertThat(settings.defaultSenderId()).contains("CLINIQUE");
        assertThatThrownBy(() -> AccountSettings.builder().addSenderIds("A").defaultSenderId("B").build())
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultSenderId"));
        assertThatThrownBy(() -> AccountSettings.builder().putNumberPools("bad", List.of("0612")).build())
                .isInstanceOf(io.github.inboxkit.core.phone.InvalidPhoneNumberException.class);
    }

    @Test
    @DisplayName("F1 a bad window, region or limit is refused when given, naming the field")
    void validation() {
        assertThatThrownBy(() -> AccountSettings.builder().retentionWindow(Duration.ofHours(1)).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("retentionWindow"));
        assertThatThrownBy(() -> AccountSettings.builder().defaultRegion("XX").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("defaultRegion"));
        assertThatThrownBy(() -> AccountSettings.builder().maxSegments(0).build())
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AccountSettings.builder().addOptOutKeywords(" ").build())
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("F9 users have display names and derived initials; ids refuse blanks")
    void users() {
        User user = User.builder().id(UserId.of("u1")).displayName("Élodie Martin").createdAt(Instant.EPOCH).build();
        assertThat(user.initials()).isEqualTo("ÉM");
        assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> AccountId.of("x".repeat(65))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> User.builder().id(UserId.of("u")).displayName("").createdAt(Instant.EPOCH).build())
                .isInstanceOf(InvalidValueException.class);
    }
}
