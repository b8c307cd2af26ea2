package io.github.inboxkit.carrier.twilio;

import io.github.inboxkit.carrier.CarrierConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads the carrier's plain-map configuration strictly into a builder: unknown keys and malformed values are refused. */
final class TwilioConfiguration {

    static final Set<String> KEYS = Set.of("accountSid", "authToken", "apiKeySid", "apiKeySecret",
            "messagingServiceSid", "webhookUrl", "apiBaseUrl", "alphanumericSenders", "maxSegments",
            "messagesPerSecond", "submitTimeoutMillis");

    private TwilioConfiguration() {}

    static void apply(Map<String, String> configuration, TwilioCarrier.Builder builder) {
        for (String key : configuration.keySet()) {
            if (!KEYS.contains(key)) {
                throw new CarrierConfigurationException(TwilioCarrier.ID, key,
                        "Unknown Twilio setting '" + key + "'; known settings: " + new TreeSet<>(KEYS));
            }
        }
        read(configuration, "accountSid", Function.identity(), builder::accountSid);
        read(configuration, "authToken", Function.identity(), builder::authToken);
        String apiKeySid = configuration.get("apiKeySid");
        String apiKeySecret = configuration.get("apiKeySecret");
        if (apiKeySid != null || apiKeySecret != null) {
            if (apiKeySid == null || apiKeySecret == null) {
                String missing = apiKeySid == null ? "apiKeySid" : "apiKeySecret";
                throw new CarrierConfigurationException(TwilioCarrier.ID, missing,
                        "Twilio setting '" + missing + "' is required with an API key: give both apiKeySid and apiKeySecret");
            }
            builder.apiKey(apiKeySid.trim(), apiKeySecret);
        }
        read(configuration, "messagingServiceSid", Function.identity(), builder::messagingServiceSid);
        read(configuration, "webhookUrl", value -> TwilioCarrier.Builder.uri("webhookUrl", value), builder::webhookUrl);
        read(configuration, "apiBaseUrl", value -> TwilioCarrier.Builder.uri("apiBaseUrl", value), builder::apiBaseUrl);
        read(configuration, "alphanumericSenders", TwilioConfiguration::bool, builder::alphanumericSenders);
        read(configuration, "maxSegments", Integer::parseInt, builder::maxSegments);
        read(configuration, "messagesPerSecond", Double::parseDouble, builder::messagesPerSecond);
        read(configuration, "submitTimeoutMillis", value -> Duration.ofMillis(Long.parseLong(value)),
                builder::submitTimeout);
    }

    private static <T> void read(Map<String, String> configuration, String key, Function<String, T> parse,
            Consumer<T> apply) {
        String raw = configuration.get(key);
        if (raw == null) {
            return;
        }
        T value;
        try {
            value = parse.apply(key.equals("authToken") ? raw : raw.trim());
        } catch (CarrierConfigurationException refused) {
            throw refused;
        } catch (IllegalArgumentException malformed) { // NumberFormatException included
            throw new CarrierConfigurationException(TwilioCarrier.ID, key,
                    "Twilio setting '" + key + "' is malformed: " + malformed.getMessage(), malformed);
        }
        apply.accept(value);
    }

    private static boolean bool(String value) {
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }
}
