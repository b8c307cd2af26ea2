package io.github.inboxkit.carrier.simulator;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMedia;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The simulator's webhook body: flat, indexed form fields, e.g. {@code v=1&inbound.count=1&
 * inbound.0.id=...&report.count=0}. Decoding consumes every field and refuses any it does not
 * know, so a body is either understood wholly or refused.
 */
final class WebhookFormat {

    static final String VERSION = "1";
    private static final int MAX_ITEMS = 1000;
    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,3}");

    private WebhookFormat() {}

    static Map<String, String> encode(WebhookPayload payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", VERSION);
        List<InboundMessage> inbound = payload.inboundMessages();
        fields.put("inbound.count", Integer.toString(inbound.size()));
        for (int i = 0; i < inbound.size(); i++) {
            InboundMessage message = inbound.get(i);
            String prefix = "inbound." + i + ".";
            fields.put(prefix + "id", message.carrierMessageId());
            fields.put(prefix + "from", message.from());
            fields.put(prefix + "to", message.to());
            fields.put(prefix + "text", message.text());
            fields.put(prefix + "receivedAt", message.receivedAt().toString());
            fields.put(prefix + "media.count", Integer.toString(message.media().size()));
            for (int m = 0; m < message.media().size(); m++) {
                InboundMedia media = message.media().get(m);
                fields.put(prefix + "media." + m + ".type", media.contentType());
                fields.put(prefix + "media." + m + ".url", media.url().toString());
            }
        }
        List<DeliveryReport> reports = payload.deliveryReports();
        fields.put("report.count", Integer.toString(reports.size()));
        for (int i = 0; i < reports.size(); i++) {
            DeliveryReport report = reports.get(i);
            String prefix = "report." + i + ".";
            fields.put(prefix + "id", report.carrierMessageId());
            fields.put(prefix + "status", report.status().name());
            fields.put(prefix + "error", report.carrierErrorCode());
            fields.put(prefix + "occurredAt", report.occurredAt().toString());
            report.senderNumber().ifPresent(sender -> fields.put(prefix + "sender", sender));
        }
        return fields;
    }

    /**
     * Decodes fields into a payload.
     *
     * @throws IllegalArgumentException with a reason naming the field (never its value) if anything
     *     is missing, unknown or malformed
     */
    static WebhookPayload decode(Map<String, String> fields) {
        Map<String, String> remaining = new HashMap<>(fields);
        String version = take(remaining, "v");
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("unsupported version");
        }
        int inboundCount = count(remaining, "inbound.count");
        List<InboundMessage> inbound = new ArrayList<>(inboundCount);
        for (int i = 0; i < inboundCount; i++) {
            String prefix = "inbound." + i + ".";
            String id = take(remaining, prefix + "id");
            String from = take(remaining, prefix + "from");
            String to = take(remaining, prefix + "to");
            String text = take(remaining, prefix + "text");
            Instant receivedAt = instant(remaining, prefix + "receivedAt");
            int mediaCount = count(remaining, prefix + "media.count");
            List<InboundMedia> media = new ArrayList<>(mediaCount);
            for (int m = 0; m < mediaCount; m++) {
                String type = take(remaining, prefix + "media." + m + ".type");
                URI url = uri(remaining, prefix + "media." + m + ".url");
                media.add(value(prefix + "media." + m, () -> new InboundMedia(type, url)));
            }
            inbound.add(value(prefix, () -> new InboundMessage(id, from, to, text, media, receivedAt)));
        }
        int reportCount = count(remaining, "report.count");
        List<DeliveryReport> reports = new ArrayList<>(reportCount);
        for (int i = 0; i < reportCount; i++) {
            String prefix = "report." + i + ".";
            String id = take(remaining, prefix + "id");
            DeliveryStatus status = status(remaining, prefix + "status");
            String error = take(remaining, prefix + "error");
            Instant occurredAt = instant(remaining, prefix + "occurredAt");
            // optional: bodies written before reports named their sender stay readable
            String sender = remaining.containsKey(prefix + "sender") ? take(remaining, prefix + "sender") : "";
            reports.add(value(prefix, () -> new DeliveryReport(id, status, error, occurredAt, sender)));
        }
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException(remaining.size() + " unknown field(s)");
        }
        return new WebhookPayload(inbound, reports);
    }

    private static String take(Map<String, String> fields, String name) {
        String value = fields.remove(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return value;
    }

    private static int count(Map<String, String> fields, String name) {
        String value = take(fields, name);
        if (!COUNT.matcher(value).matches() || Integer.parseInt(value) > MAX_ITEMS) {
            throw new IllegalArgumentException("field " + name + " is not a count from 0 to " + MAX_ITEMS);
        }
        return Integer.parseInt(value);
    }

    private static Instant instant(Map<String, String> fields, String name) {
        try {
            return Instant.parse(take(fields, name));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field " + name + " is not an ISO-8601 instant", e);
        }
    }

    private static URI uri(Map<String, String> fields, String name) {
        try {
            return new URI(take(fields, name));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("field " + name + " is not a URI", e);
        }
    }

    private static DeliveryStatus status(Map<String, String> fields, String name) {
        String value = take(fields, name);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("field " + name + " is not a delivery status");
    }

    private static <T> T value(String prefix, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("item " + prefix + " is invalid: " + e.getMessage(), e);
        }
    }
}
