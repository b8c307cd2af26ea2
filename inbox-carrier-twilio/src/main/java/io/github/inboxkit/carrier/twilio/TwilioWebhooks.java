package io.github.inboxkit.carrier.twilio;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMedia;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates and reads the two webhooks Twilio sends for messaging: an incoming message (the
 * number's or Messaging Service's "A message comes in" URL) and a status callback (the {@code
 * StatusCallback} of a message this carrier sent). Thread-safe and free of side effects.
 */
final class TwilioWebhooks {

    private static final System.Logger LOG = System.getLogger(TwilioWebhooks.class.getName());

    /** Twilio adds this header when a Webhooks Rule signs with a shared key instead of the auth token. */
    static final String SIGNATURE_SETTINGS_HEADER = "X-Twilio-Webhooks-Signature-Settings";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Twilio accepts at most 10 media per message, in either direction. */
    static final int MAX_MEDIA = 10;

    private final String accountSid;
    private final String webhookUrl;
    private final TwilioSignature signature;
    private final Clock clock;

    TwilioWebhooks(String accountSid, String webhookUrl, TwilioSignature signature, Clock clock) {
        this.accountSid = accountSid;
        this.webhookUrl = webhookUrl;
        this.signature = signature;
        this.clock = clock;
    }

    WebhookPayload parse(WebhookRequest request) throws WebhookRejectedException {
        List<String> signatures = request.headers().getOrDefault(TwilioSignature.HEADER, List.of());
        if (signatures.isEmpty() || signatures.get(0).isBlank()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_MISSING,
                    "Twilio webhook refused: no " + TwilioSignature.HEADER + " header");
        }
        if (signatures.size() > 1) {
            // Which one would Twilio have meant? Guessing lets an attacker add a second header.
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_INVALID,
                    "Twilio webhook refused: " + signatures.size() + " " + TwilioSignature.HEADER + " headers, Twilio sends one");
        }
        if (request.header(SIGNATURE_SETTINGS_HEADER).isPresent()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_INVALID,
                    "Twilio webhook refused: it is signed by a Webhooks Rule's shared key ("
                            + SIGNATURE_SETTINGS_HEADER + "), which this carrier does not verify;"
                            + " remove the rule for this URL so that Twilio signs with the auth token");
        }
        if (!request.method().equals("POST")) {
            throw malformed("method " + request.method() + ", Twilio posts its messaging webhooks");
        }
        String contentType = request.header("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw malformed("content type '" + contentType + "', expected " + FORM);
        }
        List<Map.Entry<String, String>> parameters;
        try {
            parameters = FormBody.decode(request.body());
        } catch (IllegalArgumentException notAForm) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "Twilio webhook refused: the body is not a well-formed form: " + notAForm.getMessage(), notAForm);
        }
        if (!signature.verify(webhookUrl, parameters, signatures.get(0))) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_INVALID,
                    "Twilio webhook refused: " + TwilioSignature.HEADER + " does not match; check that the carrier's"
                            + " webhookUrl is exactly the URL set in Twilio (scheme, host, port, path and query)"
                            + " and that authToken is the account's primary auth token");
        }
        Map<String, String> fields = unique(parameters);
        String account = required(fields, "AccountSid");
        if (!account.equals(accountSid)) {
            throw malformed("AccountSid is another account's");
        }
        try {
            return fields.containsKey("MessageStatus") ? statusCallback(fields) : incoming(fields);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "Twilio webhook refused: " + invalid.getMessage(), invalid);
        }
    }

    private WebhookPayload statusCallback(Map<String, String> fields) throws WebhookRejectedException {
        String sid = required(fields, "MessageSid");
        String status = required(fields, "MessageStatus");
        Optional<DeliveryStatus> standard = deliveryStatus(status);
        if (standard.isEmpty()) {
            // queued, sending, accepted, scheduled: before the network has it, so nothing to report yet.
            LOG.log(System.Logger.Level.DEBUG, "Twilio status callback {0} for {1}: no standard status, nothing reported",
                    status, sid);
            return WebhookPayload.ofReports(List.of());
        }
        String errorCode = fields.getOrDefault("ErrorCode", "").trim();
        if (errorCode.equals("0")) {
            errorCode = "";
        }
        // A status callback carries no time; the time it arrived is the closest there is.
        DeliveryReport report = new DeliveryReport(sid, standard.get(), errorCode, clock.instant());
        // The sending number lets the engine's front door route the report to the account that owns it.
        String from = fields.getOrDefault("From", "").trim();
        return WebhookPayload.ofReports(List.of(from.isEmpty() ? report : report.withSender(from)));
    }

    /** Twilio's message statuses that a {@link DeliveryStatus} stands for; empty for those before "sent". */
    static Optional<DeliveryStatus> deliveryStatus(String twilioStatus) {
        switch (twilioStatus) {
            case "sent":
                return Optional.of(DeliveryStatus.SENT);
            case "delivered":
            case "read":
                return Optional.of(DeliveryStatus.DELIVERED);
            case "undelivered":
                return Optional.of(DeliveryStatus.UNDELIVERED);
            case "failed":
            case "canceled":
                return Optional.of(DeliveryStatus.FAILED);
            default:
                return Optional.empty();
        }
    }

    private WebhookPayload incoming(Map<String, String> fields) throws WebhookRejectedException {
        String sid = required(fields, "MessageSid");
        String from = required(fields, "From");
        String to = required(fields, "To");
        String body = required(fields, "Body");
        int count = mediaCount(fields.getOrDefault("NumMedia", "0"));
        List<InboundMedia> media = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            URI url;
            try {
                url = new URI(required(fields, "MediaUrl" + i));
            } catch (java.net.URISyntaxException bad) {
                throw malformed("MediaUrl" + i + " is not a URL");
            }
            media.add(new InboundMedia(required(fields, "MediaContentType" + i), url));
        }
        Instant receivedAt = clock.instant(); // Twilio's incoming-message request carries no time either
        return WebhookPayload.ofInbound(List.of(new InboundMessage(sid, from, to, body, media, receivedAt)));
    }

    private static int mediaCount(String value) throws WebhookRejectedException {
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw malformed("NumMedia is not a number");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw malformed("NumMedia is " + count + ", Twilio sends 0 to " + MAX_MEDIA);
        }
        return count;
    }

    private static Map<String, String> unique(List<Map.Entry<String, String>> parameters) throws WebhookRejectedException {
        Map<String, String> fields = new HashMap<>();
        for (Map.Entry<String, String> parameter : parameters) {
            if (fields.putIfAbsent(parameter.getKey(), parameter.getValue()) != null) {
                throw malformed("parameter " + parameter.getKey() + " appears twice");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name) throws WebhookRejectedException {
        String value = fields.get(name);
        if (value == null) {
            throw malformed("parameter " + name + " is missing");
        }
        return value;
    }

    private static WebhookRejectedException malformed(String what) {
        return new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, "Twilio webhook refused: " + what);
    }
}
