package io.github.inboxkit.examples.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.CarrierConfigurationException;
import io.github.inboxkit.carrier.Carriers;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.TransientReason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KestrelProtocolTest {

    private static final KestrelSettings SETTINGS = new KestrelSettings(URI.create("https://api.kestrel.example/sms"),
            "key-1", "secret", Duration.ofSeconds(3), true);

    private static SubmitResult answer(int status, String body) {
        return KestrelProtocol.submitResult(status, Optional.empty(), body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("F29 the submit request carries the idempotency key, bearer auth and the form fields")
    void request() {
        OutboundSubmission submission = OutboundSubmission.sms("msg-42", Sender.shortCode("72345"), "+14155550123",
                "Hi", 1, TextEncoding.GSM_7).withMedia(List.of(OutboundMedia.inline("image/png", new byte[] {1, 2})));
        HttpRequest request = KestrelProtocol.submitRequest(SETTINGS, submission);
        assertThat(request.uri()).isEqualTo(URI.create("https://api.kestrel.example/sms/v1/messages"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("Idempotency-Key")).contains("msg-42");
        assertThat(request.headers().firstValue("Authorization")).contains("Bearer key-1");
        assertThat(request.timeout()).contains(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("F31 Kestrel answers map to accepted, permanent and transient results")
    void responses() {
        assertThat(answer(201, "id=KS-9&segments=2")).isEqualTo(SubmitResult.accepted("KS-9", 2));
        assertThat(answer(400, "code=unsubscribed&message=STOP")).isEqualTo(
                SubmitResult.rejectedPermanently(PermanentReason.OPTED_OUT, "unsubscribed", "STOP"));
        assertThat(answer(400, "code=something_new")).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                r -> assertThat(r.reason()).isEqualTo(PermanentReason.OTHER));
        assertThat(answer(403, "")).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                r -> assertThat(r.reason()).isEqualTo(PermanentReason.ACCOUNT_REFUSED));
        assertThat(answer(503, "<html>down</html>")).isInstanceOfSatisfying(SubmitResult.RejectedTransiently.class,
                r -> assertThat(r.reason()).isEqualTo(TransientReason.CARRIER_UNAVAILABLE));
        assertThat(answer(201, "garbage")).isInstanceOfSatisfying(SubmitResult.RejectedTransiently.class,
                r -> assertThat(r.reason()).isEqualTo(TransientReason.UNEXPECTED_ERROR));
    }

    @Test
    @DisplayName("F31 a 429 carries the Retry-After seconds, and ignores a Retry-After it cannot read")
    void rateLimited() {
        SubmitResult throttled = KestrelProtocol.submitResult(429, Optional.of("7"), new byte[0]);
        assertThat(((SubmitResult.RejectedTransiently) throttled).retryAfter()).contains(Duration.ofSeconds(7));
        SubmitResult dated = KestrelProtocol.submitResult(429, Optional.of("Wed, 25 Nov 2026 15:00:00 GMT"), new byte[0]);
        assertThat(((SubmitResult.RejectedTransiently) dated).retryAfter()).isEmpty();
    }

    @Test
    @DisplayName("F31 Kestrel's own delivery statuses map to the standard ones; an unknown one is refused")
    void statuses() {
        assertThat(KestrelProtocol.deliveryStatus("rejected")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(KestrelProtocol.deliveryStatus("undelivered")).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThatThrownBy(() -> KestrelProtocol.deliveryStatus("DELIVERED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F29 Kestrel is found by ServiceLoader, and a missing setting is named")
    void discovery() {
        assertThat(Carriers.load("kestrel", Map.of("baseUrl", "https://api.kestrel.example/", "apiKey", "k",
                "webhookSecret", "s"))).isInstanceOf(KestrelCarrier.class);
        assertThatThrownBy(() -> Carriers.load("kestrel", Map.of("baseUrl", "https://api.kestrel.example/")))
                .isInstanceOfSatisfying(CarrierConfigurationException.class,
                        e -> assertThat(e.setting()).isEqualTo("apiKey"));
    }
}
