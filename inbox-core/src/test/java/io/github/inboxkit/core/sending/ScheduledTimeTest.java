package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.retention.RetentionPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScheduledTimeTest {

    @Test
    @DisplayName("F27 a scheduled time keeps the instant and the zone the user chose")
    void keepsInstantAndZone() {
        ZonedDateTime paris = ZonedDateTime.of(2026, 12, 24, 9, 30, 0, 0, ZoneId.of("Europe/Paris"));
        ScheduledTime time = ScheduledTime.of(paris);
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-12-24T08:30:00Z"));
        assertThat(time.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(time.toZonedDateTime()).isEqualTo(paris);
    }

    @Test
    @DisplayName("F30 the retention cutoff is now minus the window; a window under a day is refused")
    void retentionCutoff() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        assertThat(RetentionPolicy.standard().cutoff(now)).isEqualTo(Instant.parse("2026-08-27T00:00:00Z"));
        assertThat(RetentionPolicy.standard().keepOptOutRecords()).isTrue();
        assertThatThrownBy(() -> RetentionPolicy.ofWindow(Duration.ofHours(23)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("window"))
                .hasMessageContaining("window");
    }
}
