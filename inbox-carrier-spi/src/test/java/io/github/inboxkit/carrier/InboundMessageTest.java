package io.github.inboxkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboundMessageTest {

    private static final Instant AT = Instant.parse("2026-11-25T15:00:00Z");

    @Test
    @DisplayName("F29 an inbound message comes from an E.164 number and has text or media")
    void validation() {
        assertThatThrownBy(() -> new InboundMessage("c-1", "0612345678", "+14155550100", "hi", List.of(), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> new InboundMessage("c-1", "+33612345678", "72345", "", List.of(), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text or media");
        assertThatThrownBy(() -> new InboundMedia("image/jpeg", URI.create("relative/path.jpg")))
                .isInstanceOf(IllegalArgumentException.class);
        List<InboundMedia> media = new ArrayList<>(List.of(new InboundMedia("image/jpeg", URI.create("https://m/1"))));
        InboundMessage mms = new InboundMessage("c-1", "+33612345678", "72345", "", media, AT);
        media.clear();
        assertThat(mms.media()).hasSize(1);
    }

    @Test
    @DisplayName("F29 toString keeps numbers and text out of logs")
    void noPersonalData() {
        String text = new InboundMessage("c-1", "+33612345678", "+14155550100", "my secret", List.of(), AT).toString();
        assertThat(text).contains("c-1").doesNotContain("612345678").doesNotContain("secret");
    }

    @Test
    @DisplayName("F31 a delivery report's error code is optional; only SENT is not final")
    void deliveryReport() {
        assertThat(DeliveryReport.of("c-1", DeliveryStatus.DELIVERED, AT).errorCode()).isEmpty();
        assertThat(new DeliveryReport("c-1", DeliveryStatus.FAILED, "30003", AT).errorCode()).contains("30003");
        assertThat(DeliveryStatus.SENT.isFinal()).isFalse();
        assertThat(DeliveryStatus.UNDELIVERED.isFinal()).isTrue();
        assertThatThrownBy(() -> DeliveryReport.of(" ", DeliveryStatus.SENT, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F29 a webhook payload may be empty (a carrier's ping) and copies its lists")
    void payload() {
        assertThat(new WebhookPayload(List.of(), List.of()).isEmpty()).isTrue();
        List<DeliveryReport> reports = new ArrayList<>(List.of(DeliveryReport.of("c-1", DeliveryStatus.SENT, AT)));
        WebhookPayload payload = WebhookPayload.ofReports(reports);
        reports.clear();
        assertThat(payload.deliveryReports()).hasSize(1);
        assertThat(payload.isEmpty()).isFalse();
    }
}
