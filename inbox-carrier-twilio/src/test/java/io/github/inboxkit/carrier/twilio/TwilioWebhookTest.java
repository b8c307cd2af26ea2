package io.github.inboxkit.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRejectedException.Reason;
import io.github.inboxkit.carrier.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioWebhookTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private static final String SID = "SM" + "e".repeat(32);

    /** No request reaches the API here; the default base URL stays. */
    private final TwilioCarrier carrier = TwilioRequests.carrier(TwilioCarrier.DEFAULT_API_BASE_URL, NOW).build();

    @Test
    @DisplayName("F48 an incoming SMS reads From, To, Body and MessageSid")
    void incomingSms() {
        WebhookPayload payload = carrier.parseWebhook(TwilioRequests.signed(
                TwilioRequests.incoming(SID, "+33612345678", "+14155550100", "Bonjour, c'est 10€ ? ok")));
        assertThat(payload.deliveryReports()).isEmpty();
        assertThat(payload.inboundMessages()).containsExactly(new InboundMessage(SID, "+33612345678", "+14155550100",
                "Bonjour, c'est 10€ ? ok", List.of(), NOW));
    }

    @Test
    @DisplayName("F48 an incoming MMS reads NumMedia, MediaUrlN and MediaContentTypeN in order")
    void incomingMms() {
        WebhookPayload payload = carrier.parseWebhook(TwilioRequests.signed(TwilioRequests.incoming(SID,
                "+33612345678", "+14155550100", "look", "image/gif", "https://m.example/0", "video/mp4",
                "https://m.example/1")));
        InboundMessage message = payload.inboundMessages().get(0);
        assertThat(message.media()).extracting(media -> media.contentType() + " " + media.url())
                .containsExactly("image/gif https://m.example/0", "video/mp4 https://m.example/1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"sent, SENT", "delivered, DELIVERED", "read, DELIVERED", "undelivered, UNDELIVERED",
        "failed, FAILED", "canceled, FAILED"})
    @DisplayName("F48 status callbacks map Twilio's statuses to delivery reports")
    void statusCallbacks(String twilioStatus, DeliveryStatus expected) {
        WebhookPayload payload = carrier.parseWebhook(TwilioRequests.signed(TwilioRequests.status(SID, twilioStatus, "")));
        assertThat(payload.deliveryReports())
                .containsExactly(DeliveryReport.of(SID, expected, NOW).withSender("+14155550100"));
    }

    @Test
    @DisplayName("F45 F48 a status callback names its sending number, so the front door can route it by number")
    void statusCallbackNamesItsSender() {
        DeliveryReport report = carrier.parseWebhook(TwilioRequests.signed(TwilioRequests.status(SID, "delivered", "")))
                .deliveryReports().get(0);
        assertThat(report.senderNumber()).contains("+14155550100");
    }

    @ParameterizedTest
    @CsvSource({"queued", "sending", "accepted", "scheduled", "receiving"})
    @DisplayName("F48 status callbacks before 'sent' are authenticated and acknowledged, and report nothing")
    void statusesBeforeSent(String twilioStatus) {
        assertThat(carrier.parseWebhook(TwilioRequests.signed(TwilioRequests.status(SID, twilioStatus, "")))
                .isEmpty()).isTrue();
    }

    @Test
    @DisplayName("F48 a status callback's ErrorCode becomes the report's carrier error code")
    void errorCode() {
        DeliveryReport report = carrier.parseWebhook(TwilioRequests.signed(TwilioRequests.status(SID, "undelivered",
                "30005"))).deliveryReports().get(0);
        assertThat(report.errorCode()).contains("30005");
        assertThat(report.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
    }

    @Test
    @DisplayName("F48 a webhook without X-Twilio-Signature is refused as SIGNATURE_MISSING")
    void missingSignature() {
        WebhookRequest request = TwilioRequests.signed(TwilioRequests.status(SID, "sent", ""))
                .withoutHeader(TwilioSignature.HEADER);
        assertRefused(request, Reason.SIGNATURE_MISSING);
        assertRefused(request.withHeader(TwilioSignature.HEADER, " "), Reason.SIGNATURE_MISSING);
    }

    @Test
    @DisplayName("F48 a wrong signature, one over another URL, or one made with another token is refused as SIGNATURE_INVALID")
    void wrongSignature() {
        byte[] body = TwilioRequests.status(SID, "delivered", "");
        assertRefused(TwilioRequests.signed(body).withHeader(TwilioSignature.HEADER, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),
                Reason.SIGNATURE_INVALID);
        assertRefused(TwilioRequests.signed(body, "https://inbox.example.com/webhooks/twilio", FakeTwilio.AUTH_TOKEN),
                Reason.SIGNATURE_INVALID);
        assertRefused(TwilioRequests.signed(body, TwilioRequests.WEBHOOK_URL, "another-token"), Reason.SIGNATURE_INVALID);
    }

    @Test
    @DisplayName("F48 a repeated X-Twilio-Signature header is refused, even when one copy is genuine")
    void repeatedSignature() {
        byte[] body = TwilioRequests.status(SID, "delivered", "");
        String genuine = TwilioRequests.signed(body).header(TwilioSignature.HEADER).orElseThrow();
        assertRefused(TwilioRequests.post(body, Map.of(TwilioSignature.HEADER, List.of(genuine, "AAAA"))),
                Reason.SIGNATURE_INVALID);
        assertRefused(TwilioRequests.post(body, Map.of(TwilioSignature.HEADER, List.of(genuine, genuine))),
                Reason.SIGNATURE_INVALID);
    }

    @Test
    @DisplayName("F48 a request signed by a Webhooks Rule's shared key is refused with the reason, not misread")
    void sharedKeySignatureRefused() {
        WebhookRequest request = TwilioRequests.signed(TwilioRequests.status(SID, "sent", ""))
                .withHeader(TwilioWebhooks.SIGNATURE_SETTINGS_HEADER, "key=KS1,algorithm=HMAC_SHA256");
        assertThatThrownBy(() -> carrier.parseWebhook(request)).isInstanceOfSatisfying(WebhookRejectedException.class,
                refused -> assertThat(refused.getMessage()).contains("Webhooks Rule"));
    }

    @Test
    @DisplayName("F48 a genuine signature on a GET, a JSON body or another account's webhook is refused as MALFORMED")
    void notTwilioMessagingWebhooks() {
        WebhookRequest genuine = TwilioRequests.signed(TwilioRequests.status(SID, "sent", ""));
        assertRefused(new WebhookRequest("GET", genuine.headers(), genuine.body()), Reason.MALFORMED);
        assertRefused(genuine.withHeader("Content-Type", "application/json"), Reason.MALFORMED);
        byte[] otherAccount = TwilioRequests.form("MessageSid", SID, "MessageStatus", "sent",
                "AccountSid", "AC" + "9".repeat(32));
        assertRefused(TwilioRequests.signed(otherAccount), Reason.MALFORMED);
    }

    @Test
    @DisplayName("F48 a signed incoming message with a missing field, a bad NumMedia or a missing MediaUrl is refused wholly")
    void incompleteIncoming() {
        assertRefused(TwilioRequests.signed(TwilioRequests.form("MessageSid", SID, "From", "+33612345678",
                "Body", "hi", "AccountSid", FakeTwilio.ACCOUNT_SID)), Reason.MALFORMED);
        assertRefused(TwilioRequests.signed(TwilioRequests.form("MessageSid", SID, "From", "+33612345678",
                "To", "+14155550100", "Body", "hi", "NumMedia", "eleven", "AccountSid", FakeTwilio.ACCOUNT_SID)),
                Reason.MALFORMED);
        assertRefused(TwilioRequests.signed(TwilioRequests.form("MessageSid", SID, "From", "+33612345678",
                "To", "+14155550100", "Body", "", "NumMedia", "1", "MediaContentType0", "image/png",
                "AccountSid", FakeTwilio.ACCOUNT_SID)), Reason.MALFORMED);
        assertRefused(TwilioRequests.signed(TwilioRequests.form("MessageSid", SID, "From", "not a number",
                "To", "+14155550100", "Body", "hi", "AccountSid", FakeTwilio.ACCOUNT_SID)), Reason.MALFORMED);
        assertRefused(TwilioRequests.signed(TwilioRequests.form("MessageSid", SID, "MessageSid", SID,
                "MessageStatus", "sent", "AccountSid", FakeTwilio.ACCOUNT_SID)), Reason.MALFORMED);
    }

    @Test
    @DisplayName("F48 a refusal's message never quotes the body (numbers and text are personal data)")
    void refusalsDoNotQuoteTheBody() {
        WebhookRequest forged = TwilioRequests.signed(TwilioRequests.incoming(SID, "+33612345678", "+14155550100",
                "secret text"), TwilioRequests.WEBHOOK_URL, "another-token");
        assertThatThrownBy(() -> carrier.parseWebhook(forged)).isInstanceOfSatisfying(WebhookRejectedException.class,
                refused -> assertThat(refused.getMessage()).doesNotContain("+33612345678", "secret text"));
    }

    @Test
    @DisplayName("F48 the carrier hands out the webhook URL it verifies against, exactly as configured")
    void webhookUrl() {
        assertThat(carrier.webhookUrl()).hasToString(TwilioRequests.WEBHOOK_URL);
        assertThat(carrier.capabilities().mms()).as("no media publisher").isFalse();
        assertThat(Optional.of(carrier.toString())).get().asString().doesNotContain(FakeTwilio.AUTH_TOKEN);
    }

    private void assertRefused(WebhookRequest request, Reason reason) {
        assertThatThrownBy(() -> carrier.parseWebhook(request))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
