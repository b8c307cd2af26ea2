package io.github.inboxkit.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMedia;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRejectedException.Reason;
import io.github.inboxkit.carrier.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatedWebhookTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private final SimulatedCarrier carrier = SimulatedCarrier.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).webhookSecret("a-shared-secret-of-16+").build();

    private static WebhookPayload mixed() {
        return new WebhookPayload(
                List.of(new InboundMessage("in-1", "+33612345678", "+14155550100", "Bonjour & à bientôt = 😀 %20+",
                        List.of(new InboundMedia("image/jpeg", URI.create("https://media.example/a.jpg?x=1&y=2"))),
                        NOW)),
                List.of(new DeliveryReport("SIM-1", DeliveryStatus.FAILED, "30003", NOW),
                        DeliveryReport.of("SIM-2", DeliveryStatus.DELIVERED, NOW)));
    }

    private void assertRejected(WebhookRequest request, Reason reason) {
        assertThatThrownBy(() -> carrier.parseWebhook(request))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    @DisplayName("F29 a signed webhook round-trips inbound messages, media and delivery reports")
    void roundTrip() {
        WebhookRequest request = carrier.webhookFor(mixed());
        assertThat(request.header(SimulatedCarrier.SIGNATURE_HEADER).orElseThrow()).startsWith("sha256=");
        assertThat(carrier.parseWebhook(request)).isEqualTo(mixed());
    }

    @Test
    @DisplayName("F32 parsing the same webhook twice yields the same carrier message ids")
    void sameRequestSamePayload() {
        WebhookRequest request = carrier.inboundWebhook("+33612345678", "+14155550100", "STOP");
        assertThat(carrier.parseWebhook(request)).isEqualTo(carrier.parseWebhook(request));
        assertThat(carrier.parseWebhook(request).inboundMessages().get(0).carrierMessageId()).isEqualTo("SIM-IN-1");
    }

    @Test
    @DisplayName("F29 delivery reports drained as a webhook parse back to the same reports")
    void reportWebhook() {
        carrier.submit(SimulatedCarrierTest.sms("m-1", "+14155550123"));
        WebhookRequest request = carrier.drainDeliveryReportWebhook().orElseThrow();
        assertThat(carrier.parseWebhook(request).deliveryReports()).extracting(DeliveryReport::status)
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(carrier.drainDeliveryReportWebhook()).isEmpty();
    }

    @Test
    @DisplayName("F29 forged webhooks are refused: missing, wrong or other-secret signatures, tampered bodies")
    void forged() {
        WebhookRequest genuine = carrier.webhookFor(mixed());
        assertRejected(genuine.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER), Reason.SIGNATURE_MISSING);
        assertRejected(genuine.withoutHeader(SimulatedCarrier.TIMESTAMP_HEADER), Reason.SIGNATURE_MISSING);
        assertRejected(genuine.withHeader(SimulatedCarrier.SIGNATURE_HEADER, "sha256=" + "0".repeat(64)),
                Reason.SIGNATURE_INVALID);
        assertRejected(genuine.withHeader(SimulatedCarrier.SIGNATURE_HEADER, "sha256=zz"), Reason.SIGNATURE_INVALID);
        byte[] tampered = genuine.body();
        tampered[tampered.length - 1] ^= 1;
        assertRejected(genuine.withBody(tampered), Reason.SIGNATURE_INVALID);
        WebhookRequest otherSecret = SimulatedCarrier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .webhookSecret("not-the-shared-secret").build().webhookFor(mixed());
        assertRejected(otherSecret, Reason.SIGNATURE_INVALID);
        // Freshening the timestamp of a captured request breaks its signature.
        assertRejected(genuine.withHeader(SimulatedCarrier.TIMESTAMP_HEADER, Long.toString(NOW.getEpochSecond() + 1)),
                Reason.SIGNATURE_INVALID);
    }

    @Test
    @DisplayName("F29 F45 a signature or timestamp header given twice is refused, whichever value comes first")
    void repeatedSignatureHeaders() {
        WebhookRequest genuine = carrier.webhookFor(mixed());
        String signature = genuine.header(SimulatedCarrier.SIGNATURE_HEADER).orElseThrow();
        String forged = "sha256=" + "0".repeat(64);
        WebhookRequest unsigned = genuine.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER);
        assertRejected(unsigned.withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER, signature)
                .withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER, forged), Reason.SIGNATURE_INVALID);
        assertRejected(unsigned.withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER, forged)
                .withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER, signature), Reason.SIGNATURE_INVALID);
        assertRejected(genuine.withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER, signature), Reason.SIGNATURE_INVALID);
        assertRejected(genuine.withAddedHeader(SimulatedCarrier.TIMESTAMP_HEADER, "1"), Reason.SIGNATURE_INVALID);
        assertThat(carrier.parseWebhook(genuine)).isEqualTo(mixed());
    }

    @Test
    @DisplayName("F45 delivery reports name the number the message was sent from, and the name survives the webhook")
    void reportsNameTheirSender() {
        carrier.submit(SimulatedCarrierTest.sms("m-2", "+14155550123"));
        List<DeliveryReport> reports = carrier.drainDeliveryReports();
        assertThat(reports).isNotEmpty().allSatisfy(report -> assertThat(report.senderNumber()).isPresent());
        assertThat(carrier.parseWebhook(carrier.webhookFor(WebhookPayload.ofReports(reports))).deliveryReports())
                .isEqualTo(reports);
        assertThat(DeliveryReport.of("SIM-3", DeliveryStatus.SENT, NOW).senderNumber()).isEmpty();
        assertThat(DeliveryReport.of("SIM-3", DeliveryStatus.SENT, NOW).withSender("ACME").senderNumber()).contains("ACME");
    }

    @Test
    @DisplayName("F29 a replayed webhook older than the tolerance is refused as stale")
    void stale() {
        WebhookRequest old = SimulatedCarrier.builder().clock(Clock.fixed(NOW.minus(Duration.ofMinutes(6)),
                ZoneOffset.UTC)).webhookSecret("a-shared-secret-of-16+").build().webhookFor(mixed());
        assertRejected(old, Reason.STALE);
        WebhookRequest recent = SimulatedCarrier.builder().clock(Clock.fixed(NOW.minus(Duration.ofMinutes(4)),
                ZoneOffset.UTC)).webhookSecret("a-shared-secret-of-16+").build().webhookFor(mixed());
        assertThat(carrier.parseWebhook(recent)).isEqualTo(mixed());
    }

    private WebhookRequest signed(String body) {
        return signed(body.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookRequest signed(byte[] bytes) {
        String timestamp = Long.toString(NOW.getEpochSecond());
        return WebhookRequest.of("POST", Map.of("Content-Type", SimulatedCarrier.CONTENT_TYPE,
                SimulatedCarrier.TIMESTAMP_HEADER, timestamp,
                SimulatedCarrier.SIGNATURE_HEADER, new WebhookSigner("a-shared-secret-of-16+").sign(timestamp, bytes)),
                bytes);
    }

    @Test
    @DisplayName("F29 correctly signed but malformed bodies are refused wholly, never half-parsed")
    void malformed() {
        String good = "v=1&inbound.count=0&report.count=1&report.0.id=SIM-1&report.0.status=SENT&report.0.error="
                + "&report.0.occurredAt=2026-11-25T15%3A00%3A00Z";
        assertThat(carrier.parseWebhook(signed(good)).deliveryReports()).hasSize(1);
        for (String bad : List.of(
                "",
                good + "&extra=1",                                      // unknown field
                good + "&v=1",                                          // duplicate field
                good.replace("report.count=1", "report.count=2"),       // count beyond the items
                good.replace("report.count=1", "report.count=+1"),      // lenient number
                good.replace("status=SENT", "status=sent"),             // unknown status
                good.replace("occurredAt=2026", "occurredAt=26"),       // bad instant
                good.replace("v=1", "v=2"),                             // unknown version
                good + "&",                                             // empty pair
                good.replace("SIM-1", "SIM%2"),                         // incomplete escape
                good.replace("SIM-1", "SIM%FF"),                        // invalid UTF-8
                good.replace("SIM-1", "SIM 1"),                         // raw space
                good.replace("report.0.id=SIM-1", "report.0.id=%20"))) { // blank id
            assertRejected(signed(bad), Reason.MALFORMED);
        }
        assertRejected(signed(good).withHeader("Content-Type", "application/json"), Reason.MALFORMED);
        assertRejected(new WebhookRequest("GET", signed(good).headers(), signed(good).body()), Reason.MALFORMED);
    }

    @Property
    @Label("F29 any text survives the strict form encoding")
    void formRoundTrip(@ForAll String key, @ForAll String value) {
        Map<String, String> fields = Map.of("k" + key, value);
        assertThat(FormCodec.decode(FormCodec.encode(fields).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(fields);
    }

    @Property(tries = 300)
    @Label("F29 flipping any bit of a signed webhook's body gets it refused as SIGNATURE_INVALID")
    void anyTamperingIsRefused(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        WebhookRequest genuine = carrier.webhookFor(mixed());
        byte[] body = genuine.body();
        body[position % body.length] ^= (byte) (1 << bit);
        assertRejected(genuine.withBody(body), Reason.SIGNATURE_INVALID);
    }

    @Property(tries = 500)
    @Label("F29 any correctly signed body either parses wholly or is refused with WebhookRejectedException, nothing else")
    void arbitrarySignedBodies(@ForAll byte[] body) {
        try {
            WebhookPayload payload = carrier.parseWebhook(signed(body));
            assertThat(payload).isNotNull();
        } catch (WebhookRejectedException refused) {
            assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
        }
    }

    @Property(tries = 1000)
    @Label("F29 a signed body mutated in its structure parses wholly or is refused as MALFORMED, never anything else")
    void mutatedSignedBodies(@ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll("formCharacters") char replacement) {
        byte[] body = carrier.webhookFor(mixed()).body();
        body[position % body.length] = (byte) replacement;
        try {
            assertThat(carrier.parseWebhook(signed(body))).isNotNull();
        } catch (WebhookRejectedException refused) {
            assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
        }
    }

    @Provide
    Arbitrary<Character> formCharacters() {
        return Arbitraries.of('0', '1', '2', '9', '&', '=', '%', '.', '+', '-', '_', 'a', 'Z', 'T', ':', ' ');
    }
}
