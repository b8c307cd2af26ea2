package io.github.inboxkit.carrier.twilio;

import io.github.inboxkit.carrier.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds webhook requests as Twilio sends them: form-encoded, posted, signed over the webhook URL. */
final class TwilioRequests {

    static final String WEBHOOK_URL = "https://inbox.example.com/webhooks/twilio?tenant=acme";

    private TwilioRequests() {}

    /** A carrier builder with the fake's account, token and the test webhook URL, on a clock fixed at {@code now}. */
    static TwilioCarrier.Builder carrier(URI apiBaseUrl, Instant now) {
        return TwilioCarrier.builder()
                .accountSid(FakeTwilio.ACCOUNT_SID)
                .authToken(FakeTwilio.AUTH_TOKEN)
                .apiBaseUrl(apiBaseUrl)
                .webhookUrl(URI.create(WEBHOOK_URL))
                .clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A form body from name, value, name, value... in the order given. */
    static byte[] form(String... namesAndValues) {
        return FormBody.encode(pairs(namesAndValues)).getBytes(StandardCharsets.US_ASCII);
    }

    static List<Map.Entry<String, String>> pairs(String... namesAndValues) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(new SimpleImmutableEntry<>(namesAndValues[i], namesAndValues[i + 1]));
        }
        return pairs;
    }

    /** The body posted to the URL and signed with the token, as Twilio would; an undecodable body is signed over the URL alone. */
    static WebhookRequest signed(byte[] body, String url, String authToken) {
        List<Map.Entry<String, String>> parameters;
        try {
            parameters = FormBody.decode(body);
        } catch (IllegalArgumentException undecodable) {
            parameters = List.of();
        }
        return post(body, Map.of(TwilioSignature.HEADER, List.of(new TwilioSignature(authToken).sign(url, parameters))));
    }

    static WebhookRequest signed(byte[] body) {
        return signed(body, WEBHOOK_URL, FakeTwilio.AUTH_TOKEN);
    }

    static WebhookRequest post(byte[] body, Map<String, List<String>> extraHeaders) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        headers.put("I-Twilio-Idempotency-Token", List.of("1b2f4e5c-0000-4000-8000-000000000001"));
        headers.putAll(extraHeaders);
        return new WebhookRequest("POST", headers, body);
    }

    /** An incoming-message webhook's parameters in the order Twilio lists them, AccountSid and ApiVersion last. */
    static byte[] incoming(String sid, String from, String to, String body, String... media) {
        List<String> fields = new ArrayList<>(List.of("ToCountry", "US", "ToState", "CA", "SmsMessageSid", sid,
                "NumMedia", Integer.toString(media.length / 2), "ToCity", "SAN FRANCISCO", "FromZip", "",
                "SmsSid", sid, "FromState", "", "SmsStatus", "received", "FromCity", "", "Body", body,
                "FromCountry", "FR", "To", to, "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID,
                "ToZip", "94105", "NumSegments", "1", "MessageSid", sid));
        for (int i = 0; i < media.length; i += 2) {
            fields.addAll(List.of("MediaContentType" + i / 2, media[i], "MediaUrl" + i / 2, media[i + 1]));
        }
        fields.addAll(List.of("From", from, "AccountSid", FakeTwilio.ACCOUNT_SID, "ApiVersion", "2010-04-01"));
        return form(fields.toArray(String[]::new));
    }

    /** A status callback's parameters in the order Twilio lists them; an empty error code is left out. */
    static byte[] status(String sid, String status, String errorCode) {
        List<String> fields = new ArrayList<>();
        if (!errorCode.isEmpty()) {
            fields.addAll(List.of("ErrorCode", errorCode));
        }
        fields.addAll(List.of("SmsSid", sid, "SmsStatus", status, "MessageStatus", status, "To", "+33612345678",
                "MessagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID, "MessageSid", sid,
                "AccountSid", FakeTwilio.ACCOUNT_SID, "From", "+14155550100", "ApiVersion", "2010-04-01"));
        return form(fields.toArray(String[]::new));
    }
}
