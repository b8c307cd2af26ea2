package io.github.inboxkit.examples.carrier;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMedia;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRejectedException.Reason;
import io.github.inboxkit.carrier.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Kestrel SMS wire protocol, as pure functions: building the submit request, mapping the
 * response to a {@link SubmitResult}, verifying and parsing webhooks. No I/O here, so every
 * mapping is unit-tested without a network.
 *
 * <p>Kestrel (fictional) speaks {@code application/x-www-form-urlencoded} both ways. {@code POST
 * v1/messages} with an {@code Idempotency-Key} header answers {@code 201 id=KS-1&segments=1}, the
 * same id again for a repeated key, {@code 400 code=invalid_number&message=...} for a refusal,
 * {@code 429} with {@code Retry-After} when throttling and {@code 5xx} when down. Webhooks carry one
 * event each and are signed in {@code Kestrel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}.
 */
final class KestrelProtocol {

    static final String SIGNATURE_HEADER = "Kestrel-Signature";
    static final String FORM = "application/x-www-form-urlencoded";
    static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);

    private KestrelProtocol() {}

    // ---- submit --------------------------------------------------------------------------------

    static HttpRequest submitRequest(KestrelSettings settings, OutboundSubmission submission) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("to", submission.recipient());
        form.put("from", submission.sender().value());
        form.put("from_type", submission.sender().kind().name().toLowerCase(Locale.ROOT));
        form.put("text", submission.text());
        form.put("segments", Integer.toString(submission.segmentCount()));
        for (int i = 0; i < submission.media().size(); i++) {
            OutboundMedia media = submission.media().get(i);
            form.put("media." + i + ".type", media.contentType());
            if (media instanceof OutboundMedia.Inline inline) {
                form.put("media." + i + ".data", Base64.getEncoder().encodeToString(inline.content()));
            } else {
                form.put("media." + i + ".url", ((OutboundMedia.Hosted) media).url().toString());
            }
        }
        return HttpRequest.newBuilder(settings.baseUrl().resolve("v1/messages"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Idempotency-Key", submission.idempotencyKey())
                .header("Content-Type", FORM)
                .header("Accept", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.US_ASCII))
                .build();
    }

    static SubmitResult submitResult(int status, Optional<String> retryAfter, byte[] body) {
        Map<String, String> fields;
        try {
            fields = body.length == 0 ? Map.of() : decode(body);
        } catch (IllegalArgumentException unreadable) {
            fields = Map.of();
        }
        String code = fields.getOrDefault("code", "");
        String message = fields.getOrDefault("message", "");
        if (status == 200 || status == 201) {
            String id = fields.get("id");
            if (id == null || id.isBlank()) {
                // Kestrel may well have taken the message; a retry with the same key returns its id.
                return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                        "unreadable success response");
            }
            int segments = parseSegments(fields.getOrDefault("segments", "1"));
            return SubmitResult.accepted(id, segments);
        }
        if (status == 400 || status == 422) {
            return SubmitResult.rejectedPermanently(permanentReason(code), code, message);
        }
        if (status == 401 || status == 403) {
            return SubmitResult.rejectedPermanently(PermanentReason.ACCOUNT_REFUSED, code, message);
        }
        if (status == 429) {
            Optional<Duration> wait = retryAfter.filter(value -> value.matches("[0-9]{1,6}"))
                    .map(value -> Duration.ofSeconds(Long.parseLong(value)));
            return wait.isPresent()
                    ? SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, code, message, wait.get())
                    : SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, code, message);
        }
        if (status == 408 || status == 504) {
            return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, code, message);
        }
        if (status >= 500) {
            return SubmitResult.rejectedTransiently(TransientReason.CARRIER_UNAVAILABLE, code, message);
        }
        if (status >= 400) {
            return SubmitResult.rejectedPermanently(PermanentReason.OTHER, code.isEmpty() ? "HTTP " + status : code,
                    message);
        }
        return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "HTTP " + status, message);
    }

    static PermanentReason permanentReason(String kestrelCode) {
        switch (kestrelCode) {
            case "invalid_number":
                return PermanentReason.INVALID_NUMBER;
            case "landline":
                return PermanentReason.UNREACHABLE_NUMBER;
            case "unsubscribed":
                return PermanentReason.OPTED_OUT;
            case "content_rejected":
            case "too_long":
                return PermanentReason.CONTENT_REFUSED;
            case "media_unsupported":
                return PermanentReason.MEDIA_NOT_SUPPORTED;
            case "media_too_large":
                return PermanentReason.MEDIA_TOO_LARGE;
            case "sender_not_allowed":
                return PermanentReason.SENDER_NOT_ALLOWED;
            default:
                return PermanentReason.OTHER;
        }
    }

    private static int parseSegments(String value) {
        return value.matches("[0-9]{1,3}") ? Integer.parseInt(value) : 1;
    }

    // ---- webhooks ------------------------------------------------------------------------------

    static WebhookPayload parseWebhook(WebhookRequest request, String secret, Clock clock) {
        if (!"POST".equals(request.method())) {
            throw new WebhookRejectedException(Reason.MALFORMED, "Kestrel webhooks are POST requests");
        }
        // exactly one: a forged signature after a valid one must not pass because the first is read
        String header = request.signatureHeader(SIGNATURE_HEADER);
        String[] parts = header.split(",", -1);
        if (parts.length != 2 || !parts[0].matches("t=[0-9]{1,12}") || !parts[1].matches("v1=[0-9a-f]{64}")) {
            throw new WebhookRejectedException(Reason.SIGNATURE_INVALID, SIGNATURE_HEADER + " is not t=...,v1=...");
        }
        String timestamp = parts[0].substring(2);
        byte[] body = request.body();
        byte[] expected = hmac(secret, timestamp, body);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts[1].substring(3)))) {
            throw new WebhookRejectedException(Reason.SIGNATURE_INVALID, "signature does not match the body");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (age.compareTo(WEBHOOK_TOLERANCE) > 0) {
            throw new WebhookRejectedException(Reason.STALE, "webhook signed " + age.toSeconds() + " s from now");
        }
        if (!request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw new WebhookRejectedException(Reason.MALFORMED, "content type must be " + FORM);
        }
        try {
            return event(decode(body));
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            throw new WebhookRejectedException(Reason.MALFORMED, "malformed Kestrel event: " + malformed.getMessage(),
                    malformed);
        }
    }

    /**
     * One event per webhook. Fields Kestrel may add later are ignored (forward compatibility);
     * missing, duplicated or malformed known fields refuse the whole event.
     */
    private static WebhookPayload event(Map<String, String> fields) {
        String event = required(fields, "event");
        if (event.equals("message.received")) {
            int mediaCount = Integer.parseInt(match(required(fields, "media_count"), "[0-9]{1,2}", "media_count"));
            List<InboundMedia> media = new ArrayList<>();
            for (int i = 0; i < mediaCount; i++) {
                media.add(new InboundMedia(required(fields, "media." + i + ".type"),
                        URI.create(required(fields, "media." + i + ".url"))));
            }
            return WebhookPayload.ofInbound(List.of(new InboundMessage(required(fields, "message_id"),
                    required(fields, "from"), required(fields, "to"), required(fields, "text"), media,
                    Instant.parse(required(fields, "received_at")))));
        }
        if (event.equals("message.status")) {
            // "from", the number the message was sent from, routes the report to its account
            return WebhookPayload.ofReports(List.of(new DeliveryReport(required(fields, "message_id"),
                    deliveryStatus(required(fields, "status")), required(fields, "error_code"),
                    Instant.parse(required(fields, "timestamp")), fields.getOrDefault("from", ""))));
        }
        throw new IllegalArgumentException("unknown event type");
    }

    /** Kestrel's own statuses, mapped to the standard ones. */
    static DeliveryStatus deliveryStatus(String kestrelStatus) {
        switch (kestrelStatus) {
            case "sent":
                return DeliveryStatus.SENT;
            case "delivered":
                return DeliveryStatus.DELIVERED;
            case "undelivered":
                return DeliveryStatus.UNDELIVERED;
            case "failed":
            case "rejected":
            case "expired":
                return DeliveryStatus.FAILED;
            default:
                throw new IllegalArgumentException("unknown delivery status");
        }
    }

    static String signatureHeader(String secret, long unixSeconds, byte[] body) {
        String timestamp = Long.toString(unixSeconds);
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe: one per call
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return value;
    }

    private static String match(String value, String pattern, String name) {
        if (!value.matches(pattern)) {
            throw new IllegalArgumentException("malformed field " + name);
        }
        return value;
    }

    // ---- strict form encoding ------------------------------------------------------------------

    static String encode(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((key, value) -> joined.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /**
     * Decodes a form body strictly. {@link java.net.URLDecoder} would turn invalid UTF-8 into
     * replacement characters and accept raw characters a form never contains; here they refuse the body.
     */
    static Map<String, String> decode(byte[] body) {
        if (body.length == 0) {
            throw new IllegalArgumentException("empty body");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.indexOf('=', equals + 1) >= 0) {
                throw new IllegalArgumentException("a pair is not key=value");
            }
            if (fields.put(component(pair.substring(0, equals)), component(pair.substring(equals + 1))) != null) {
                throw new IllegalArgumentException("a field appears twice");
            }
        }
        return fields;
    }

    private static String component(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '*' || c == '_') {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("character not allowed unescaped");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invalid UTF-8", e);
        }
    }
}
