package io.github.inboxkit.carrier.twilio;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Certifies the Twilio carrier with the conformance kit against the local fake of Twilio's API,
 * over real HTTP, with a media publisher (so MMS is on). Webhook samples are Twilio's documented
 * incoming-message and status-callback parameters, signed as Twilio signs them.
 */
class TwilioCarrierConformanceTest extends CarrierConformanceTest {

    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    static FakeTwilio twilio;

    @BeforeAll
    static void startTwilio() throws IOException {
        twilio = new FakeTwilio();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.close();
    }

    TwilioCarrier.Builder configure(TwilioCarrier.Builder builder) {
        return builder.mediaPublisher((key, index, media) ->
                URI.create("https://media.example.com/" + key + "/" + index));
    }

    @Override
    protected Carrier createCarrier() {
        return configure(TwilioRequests.carrier(twilio.baseUrl(), NOW)).build();
    }

    @Override
    protected Map<String, PermanentReason> refusedRecipients() {
        return Map.of(FakeTwilio.INVALID, PermanentReason.INVALID_NUMBER,
                FakeTwilio.BLOCKED, PermanentReason.OPTED_OUT,
                FakeTwilio.NOT_MOBILE, PermanentReason.UNREACHABLE_NUMBER,
                FakeTwilio.NO_REGION_PERMISSION, PermanentReason.ACCOUNT_REFUSED);
    }

    private static SampleWebhook status(String sid, String twilioStatus, String errorCode, DeliveryStatus expected) {
        return new SampleWebhook("status callback " + twilioStatus,
                TwilioRequests.signed(TwilioRequests.status(sid, twilioStatus, errorCode)),
                WebhookPayload.ofReports(List.of(new DeliveryReport(sid, expected, errorCode, NOW)
                        .withSender("+14155550100"))));
    }

    @Override
    protected List<SampleWebhook> sampleWebhooks(Carrier carrier) {
        String text = "Réservation confirmée ? Oui 👍 & merci = 100%+";
        WebhookPayload sms = WebhookPayload.ofInbound(List.of(new InboundMessage("SM" + "a".repeat(32),
                "+33612345678", "+14155550100", text, List.of(), NOW)));
        String first = "https://api.twilio.com/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID
                + "/Messages/MM" + "b".repeat(32) + "/Media/ME" + "c".repeat(32);
        String second = "https://api.twilio.com/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID
                + "/Messages/MM" + "b".repeat(32) + "/Media/ME" + "d".repeat(32);
        WebhookPayload mms = WebhookPayload.ofInbound(List.of(new InboundMessage("MM" + "b".repeat(32),
                "+33612345678", "72345", "", List.of(new InboundMedia("image/jpeg", URI.create(first)),
                        new InboundMedia("image/png", URI.create(second))), NOW)));
        return List.of(
                new SampleWebhook("incoming SMS with accents, emoji and form-special characters",
                        TwilioRequests.signed(TwilioRequests.incoming("SM" + "a".repeat(32), "+33612345678",
                                "+14155550100", text)), sms),
                new SampleWebhook("incoming MMS to a short code, two images, no text",
                        TwilioRequests.signed(TwilioRequests.incoming("MM" + "b".repeat(32), "+33612345678",
                                "72345", "", "image/jpeg", first, "image/png", second)), mms),
                new SampleWebhook("status callback queued (nothing to report yet)",
                        TwilioRequests.signed(TwilioRequests.status("SM" + "1".repeat(32), "queued", "")),
                        WebhookPayload.ofReports(List.of())),
                status("SM" + "1".repeat(32), "sent", "", DeliveryStatus.SENT),
                status("SM" + "1".repeat(32), "delivered", "", DeliveryStatus.DELIVERED),
                status("SM" + "2".repeat(32), "undelivered", "30003", DeliveryStatus.UNDELIVERED),
                status("SM" + "3".repeat(32), "failed", "30007", DeliveryStatus.FAILED));
    }

    @Override
    protected List<WebhookRequest> forgedWebhooks(Carrier carrier) {
        WebhookRequest genuine = sampleWebhooks(carrier).get(0).request();
        byte[] body = genuine.body();
        String signature = genuine.header(TwilioSignature.HEADER).orElseThrow();
        return List.of(
                genuine.withoutHeader(TwilioSignature.HEADER),
                genuine.withHeader(TwilioSignature.HEADER, "AAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                genuine.withHeader(TwilioSignature.HEADER, "not base64 at all"),
                TwilioRequests.signed(body, TwilioRequests.WEBHOOK_URL, "someone-elses-auth-token"),
                TwilioRequests.signed(body, "https://attacker.example/webhooks/twilio?tenant=acme", FakeTwilio.AUTH_TOKEN),
                TwilioRequests.post(body, Map.of(TwilioSignature.HEADER, List.of(signature, signature))));
    }

    @Override
    protected Set<String> authenticationHeaders() {
        return Set.of(TwilioSignature.HEADER);
    }

    @Override
    protected WebhookRequest signedRequest(Carrier carrier, byte[] body) {
        return TwilioRequests.signed(body);
    }

    /** Twilio calls the StatusCallback the fake was given; the test plays that call, signed over that URL. */
    @Override
    protected Optional<WebhookRequest> deliveryReportWebhookFor(Carrier carrier, SubmitResult.Accepted accepted) {
        String callback = twilio.lastRequest().first("StatusCallback").orElseThrow();
        return Optional.of(TwilioRequests.signed(TwilioRequests.status(accepted.carrierMessageId(), "delivered", ""),
                callback, FakeTwilio.AUTH_TOKEN));
    }
}
