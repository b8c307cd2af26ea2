package io.github.inboxkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CarrierCapabilitiesTest {

    @Test
    @DisplayName("F29 capabilities are consistent: MMS size only with MMS, positive segments, rate and timeout")
    void validation() {
        assertThatThrownBy(() -> new CarrierCapabilities(false, 1000, false, 10, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMmsBytes");
        assertThatThrownBy(() -> new CarrierCapabilities(true, 0, false, 10, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CarrierCapabilities(false, 0, false, 0, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSegments");
        assertThatThrownBy(() -> new CarrierCapabilities(false, 0, false, 1, Double.NaN, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messagesPerSecond");
        assertThatThrownBy(() -> CarrierCapabilities.builder().submitTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F29 the builder starts from SMS only and declares MMS with its limit")
    void builder() {
        CarrierCapabilities smsOnly = CarrierCapabilities.builder().build();
        assertThat(smsOnly.mms()).isFalse();
        assertThat(smsOnly.maxMmsBytes()).isZero();
        CarrierCapabilities mms = CarrierCapabilities.builder().mms(410 * 1024).alphanumericSenders(true).build();
        assertThat(mms.mms()).isTrue();
        assertThat(mms.maxMmsBytes()).isEqualTo(419_840);
        assertThat(mms.alphanumericSenders()).isTrue();
    }
}
