package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMedia;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conformance kit wired to the simulator; subclasses choose the simulator's settings or wrap it
 * in a deliberately broken carrier. Not a test itself (no {@code Test} suffix).
 */
abstract class SimulatorConformance extends CarrierConformanceTest {

    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    static final String SECRET = "conformance-kit-secret";

    /** The simulator behind the carrier under test; set by {@link #createCarrier()}. */
    SimulatedCarrier simulator;

    /** Adjusts the simulator's settings; the clock and secret are already set. */
    SimulatedCarrier.Builder configure(SimulatedCarrier.Builder builder) {
        return builder;
    }

    /** Wraps the simulator in the carrier under test; the simulator itself by default. */
    Carrier wrap(SimulatedCarrier simulated) {
        return simulated;
    }

    @Override
    protected Carrier createCarrier() {
        simulator = configure(SimulatedCarrier.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .webhookSecret(SECRET)
                .permanentFailure("+14155550001", PermanentReason.INVALID_NUMBER)
                .permanentFailure("+14155550002", PermanentReason.OPTED_OUT))
                .build();
        return wrap(simulator);
    }

    @Override
    protected Map<String, PermanentReason> refusedRecipients() {
        return Map.of("+14155550001", PermanentReason.INVALID_NUMBER, "+14155550002", PermanentReason.OPTED_OUT);
    }

    @Override
    protected List<SampleWebhook> sampleWebhooks(Carrier carrier) {
        WebhookPayload sms = WebhookPayload.ofInbound(List.of(
                new InboundMessage("SIM-IN-100", "+33612345678", "+14155550100", "Hello & bonjour = 😀", List.of(), NOW)));
        WebhookPayload mms = WebhookPayload.ofInbound(List.of(new InboundMessage("SIM-IN-101", "+33612345678",
                "72345", "", List.of(new InboundMedia("image/jpeg", URI.create("https://media.example/1.jpg")),
                        new InboundMedia("image/png", URI.create("https://media.example/2.png?sig=a&b=c"))), NOW)));
        WebhookPayload reports = WebhookPayload.ofReports(List.of(
                DeliveryReport.of("SIM-1", DeliveryStatus.SENT, NOW.minusSeconds(2)),
                DeliveryReport.of("SIM-1", DeliveryStatus.DELIVERED, NOW.minusSeconds(1)),
                new DeliveryReport("SIM-2", DeliveryStatus.UNDELIVERED, "SIM-UNDELIVERED", NOW),
                new DeliveryReport("SIM-3", DeliveryStatus.FAILED, "SIM-FAILED", NOW)));
        return List.of(
                new SampleWebhook("inbound SMS with emoji and form-special characters", simulator.webhookFor(sms), sms),
                new SampleWebhook("inbound MMS to a short code", simulator.webhookFor(mms), mms),
                new SampleWebhook("delivery reports in every status", simulator.webhookFor(reports), reports));
    }

    @Override
    protected List<WebhookRequest> forgedWebhooks(Carrier carrier) {
        WebhookRequest genuine = sampleWebhooks(carrier).get(0).request();
        WebhookRequest otherSecret = SimulatedCarrier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .webhookSecret("an-attacker-guessing-secret").build().webhookFor(sampleWebhooks(carrier).get(0).expected());
        WebhookRequest replayed = SimulatedCarrier.builder()
                .clock(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .webhookSecret(SECRET).build().webhookFor(sampleWebhooks(carrier).get(0).expected());
        return List.of(
                genuine.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER),
                genuine.withHeader(SimulatedCarrier.SIGNATURE_HEADER, "sha256=" + "ab".repeat(32)),
                genuine.withHeader(SimulatedCarrier.TIMESTAMP_HEADER, Long.toString(NOW.getEpochSecond() + 60)),
                otherSecret,
                replayed);
    }

    @Override
    protected Set<String> authenticationHeaders() {
        return Set.of(SimulatedCarrier.SIGNATURE_HEADER, SimulatedCarrier.TIMESTAMP_HEADER);
    }

    @Override
    protected WebhookRequest signedRequest(Carrier carrier, byte[] body) {
        return simulator.signedRequest(body);
    }

    @Override
    protected Optional<WebhookRequest> deliveryReportWebhookFor(Carrier carrier, SubmitResult.Accepted accepted) {
        return simulator.drainDeliveryReportWebhook();
    }
}
