package io.github.inboxkit.examples.carrier;

import io.github.inboxkit.carrier.CarrierConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach and authenticate with Kestrel SMS. Immutable and thread-safe.
 *
 * @param baseUrl the API root, e.g. {@code https://api.kestrel.example/}
 * @param apiKey the account's API key, sent as a bearer token
 * @param webhookSecret the secret Kestrel signs its webhooks with
 * @param timeout the connect and request time-out of each API call
 * @param mms whether the account's numbers carry MMS
 */
public record KestrelSettings(URI baseUrl, String apiKey, String webhookSecret, Duration timeout, boolean mms) {

    private static final Set<String> KEYS = Set.of("baseUrl", "apiKey", "webhookSecret", "timeoutMillis", "mms");

    /**
     * Validates.
     *
     * @param baseUrl the {@code baseUrl} component
     * @param apiKey the {@code apiKey} component
     * @param webhookSecret the {@code webhookSecret} component
     * @param timeout the {@code timeout} component
     * @param mms the {@code mms} component
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the URL is not absolute http(s), a secret is blank or the timeout not positive
     */
    public KestrelSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || !baseUrl.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
        }
        if (!baseUrl.getPath().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/"); // so that resolve("v1/messages") keeps the base path
        }
        if (Objects.requireNonNull(apiKey, "apiKey").isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (Objects.requireNonNull(webhookSecret, "webhookSecret").isBlank()) {
            throw new IllegalArgumentException("webhookSecret must not be blank");
        }
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /**
     * Reads settings from a plain configuration map: {@code baseUrl}, {@code apiKey}, {@code
     * webhookSecret} (required), {@code timeoutMillis} (default 10000), {@code mms} (default true).
     *
     * @param configuration the map
     * @return the settings
     * @throws CarrierConfigurationException naming the key that is missing, unknown or malformed
     */
    public static KestrelSettings fromConfiguration(Map<String, String> configuration) {
        for (String key : configuration.keySet()) {
            if (!KEYS.contains(key)) {
                throw new CarrierConfigurationException(KestrelCarrier.ID, key,
                        "Unknown Kestrel setting '" + key + "'; known settings: " + new TreeSet<>(KEYS));
            }
        }
        String current = "baseUrl";
        try {
            URI baseUrl = URI.create(required(configuration, "baseUrl"));
            current = "apiKey";
            String apiKey = required(configuration, "apiKey");
            current = "webhookSecret";
            String secret = required(configuration, "webhookSecret");
            current = "timeoutMillis";
            Duration timeout = Duration.ofMillis(Long.parseLong(configuration.getOrDefault("timeoutMillis", "10000")));
            current = "mms";
            String mms = configuration.getOrDefault("mms", "true");
            if (!mms.equals("true") && !mms.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            current = "";
            return new KestrelSettings(baseUrl, apiKey, secret, timeout, Boolean.parseBoolean(mms));
        } catch (IllegalArgumentException | NullPointerException bad) {
            throw new CarrierConfigurationException(KestrelCarrier.ID, current,
                    "Kestrel setting '" + current + "' is missing or malformed: " + bad.getMessage(), bad);
        }
    }

    private static String required(Map<String, String> configuration, String key) {
        String value = configuration.get(key);
        if (value == null) {
            throw new IllegalArgumentException("required");
        }
        return value;
    }

    @Override
    public String toString() {
        // Secrets stay out of logs.
        return "KestrelSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + ", mms=" + mms + "]";
    }
}
