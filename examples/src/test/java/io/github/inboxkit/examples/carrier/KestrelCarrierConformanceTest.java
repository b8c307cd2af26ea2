package io.github.inboxkit.examples.carrier;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMedia;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.tck.CarrierConformanceTest;
import io.github.inboxkit.carrier.tck.SampleWebhook;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Certifies the Kestrel example adapter with the conformance kit, against an in-process Kestrel
 * API over real HTTP. This is the whole of what a vendor writes to run the kit.
 */
class KestrelCarrierConformanceTest extends CarrierConformanceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private static final String SECRET = "kestrel-webhook-secret";
    private static FakeKestrel kestrel;

    @BeforeAll
    static void startKestrel() throws IOException {
        kestrel = new FakeKestrel();
    }

    @AfterAll
    static void stopKestrel() {
        kestrel.close();
    }

    @Override
    protected Carrier createCarrier() {
        return new KestrelCarrier(new KestrelSettings(kestrel.baseUrl(), FakeKestrel.API_KEY, SECRET,
                Duration.ofSeconds(10), false), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    protected Map<String, PermanentReason> refusedRecipients() {
        return Map.of(FakeKestrel.INVALID, PermanentReason.INVALID_NUMBER,
                FakeKestrel.UNSUBSCRIBED, PermanentReason.OPTED_OUT,
                FakeKestrel.LANDLINE, PermanentReason.UNREACHABLE_NUMBER);
    }

    static WebhookRequest signed(byte[] body, Instant at, String secret) {
        return WebhookRequest.of("POST", Map.of("Content-Type", KestrelProtocol.FORM,
                KestrelProtocol.SIGNATURE_HEADER, KestrelProtocol.signatureHeader(secret, at.getEpochSecond(), body)),
                body);
    }

    private static byte[] form(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return KestrelProtocol.encode(fields).getBytes(StandardCharsets.US_ASCII);
    }

    private static SampleWebhook status(String id, String kestrelStatus, String errorCode, DeliveryStatus expected) {
        byte[] body = form("event", "message.status", "message_id", id, "status", kestrelStatus,
                "error_code", errorCode, "timestamp", "2026-11-25T14:59:00Z", "account", "AC-1");
        return new SampleWebhook("status " + kestrelStatus, signed(body, NOW, SECRET), WebhookPayload.ofReports(
                List.of(new DeliveryReport(id, expected, errorCode, Instant.parse("2026-11-25T14:59:00Z")))));
    }

    @Override
    protected List<SampleWebhook> sampleWebhooks(Carrier carrier) {
        byte[] inbound = form("event", "message.received", "message_id", "KS-IN-7", "from", "+33612345678",
                "to", "+14155550100", "text", "Réservation confirmée ? Oui 👍 & merci", "received_at",
                "2026-11-25T14:58:00Z", "media_count", "1", "media.0.type", "image/jpeg",
                "media.0.url", "https://media.kestrel.example/m/1.jpg");
        WebhookPayload inboundPayload = WebhookPayload.ofInbound(List.of(new InboundMessage("KS-IN-7",
                "+33612345678", "+14155550100", "Réservation confirmée ? Oui 👍 & merci",
                List.of(new InboundMedia("image/jpeg", URI.create("https://media.kestrel.example/m/1.jpg"))),
                Instant.parse("2026-11-25T14:58:00Z"))));
        return List.of(
                new SampleWebhook("inbound MMS", signed(inbound, NOW, SECRET), inboundPayload),
                status("KS-1", "sent", "", DeliveryStatus.SENT),
                status("KS-1", "delivered", "", DeliveryStatus.DELIVERED),
                status("KS-2", "undelivered", "30003", DeliveryStatus.UNDELIVERED),
                status("KS-3", "expired", "30008", DeliveryStatus.FAILED),
                statusFrom("KS-4", "+14155550100"));
    }

    /** A status event that names the number the message was sent from, which routes it by number. */
    private static SampleWebhook statusFrom(String id, String from) {
        byte[] body = form("event", "message.status", "message_id", id, "status", "delivered",
                "error_code", "", "timestamp", "2026-11-25T14:59:00Z", "from", from);
        return new SampleWebhook("status naming its sender", signed(body, NOW, SECRET), WebhookPayload.ofReports(
                List.of(new DeliveryReport(id, DeliveryStatus.DELIVERED, "", Instant.parse("2026-11-25T14:59:00Z"), from))));
    }

    @Override
    protected List<WebhookRequest> forgedWebhooks(Carrier carrier) {
        WebhookRequest genuine = sampleWebhooks(carrier).get(0).request();
        byte[] body = genuine.body();
        return List.of(
                genuine.withoutHeader(KestrelProtocol.SIGNATURE_HEADER),
                genuine.withHeader(KestrelProtocol.SIGNATURE_HEADER, "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64)),
                genuine.withHeader(KestrelProtocol.SIGNATURE_HEADER, "v1=abc"),
                signed(body, NOW, "someone-elses-secret"),
                signed(body, NOW.minus(Duration.ofHours(2)), SECRET));
    }

    @Override
    protected WebhookRequest signedRequest(Carrier carrier, byte[] body) {
        return signed(body, NOW, SECRET);
    }

    /** Kestrel signs every webhook in one header: rule 5.8 checks it is required and checked. */
    @Override
    protected Set<String> authenticationHeaders() {
        return Set.of(KestrelProtocol.SIGNATURE_HEADER);
    }

    /** The fake Kestrel does not call back: the report it would send is built and signed here, as Kestrel does. */
    @Override
    protected Optional<WebhookRequest> deliveryReportWebhookFor(Carrier carrier, SubmitResult.Accepted accepted) {
        return Optional.of(signed(form("event", "message.status", "message_id", accepted.carrierMessageId(),
                "status", "delivered", "error_code", "", "timestamp", "2026-11-25T14:59:00Z", "account", "AC-1"),
                NOW, SECRET));
    }
}
