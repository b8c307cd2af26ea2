package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.MissingValueException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RevocationDeadlineTest {

    @Test
    @DisplayName("F44 a revocation is due ten business days later, at the same time of day, weekends not counted")
    void tenBusinessDays() {
        // Wednesday 2026-12-02 15:00 UTC -> Wednesday 2026-12-16
        assertThat(RevocationDeadline.after(Instant.parse("2026-12-02T15:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-12-16T15:00:00Z"));
        // Saturday 2026-12-05 -> the second Friday after, 2026-12-18
        assertThat(RevocationDeadline.after(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-12-18T10:00:00Z"));
        // Friday 2026-12-04 -> Friday 2026-12-18
        assertThat(RevocationDeadline.after(Instant.parse("2026-12-04T23:30:00Z"), ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-12-18T23:30:00Z"));
    }

    @Test
    @DisplayName("F44 weekdays are those of the given zone: late Friday in New York is Saturday in UTC")
    void weekdaysOfTheZone() {
        Instant fridayEveningInNewYork = Instant.parse("2026-12-05T02:00:00Z"); // Fri 21:00 EST
        assertThat(RevocationDeadline.after(fridayEveningInNewYork, ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2026-12-19T02:00:00Z"));
        assertThat(RevocationDeadline.after(fridayEveningInNewYork, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-12-19T02:00:00Z").minusSeconds(3600 * 24));
        assertThatThrownBy(() -> RevocationDeadline.after(null, ZoneOffset.UTC)).isInstanceOf(MissingValueException.class);
    }
}
