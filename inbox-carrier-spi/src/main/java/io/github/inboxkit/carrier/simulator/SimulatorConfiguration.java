package io.github.inboxkit.carrier.simulator;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.CarrierConfigurationException;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.PermanentReason;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Reads the simulator's plain-map configuration strictly: unknown keys and malformed values are refused. */
final class SimulatorConfiguration {

    static final Set<String> KEYS = Set.of("seed", "latencyMillis", "transientFailureRate", "duplicateReportRate",
            "outOfOrderReportRate", "permanentFailures", "undeliverable", "mms", "maxMmsBytes", "alphanumericSenders",
            "maxSegments", "messagesPerSecond", "submitTimeoutMillis", "webhookSecret", "webhookToleranceSeconds");

    private SimulatorConfiguration() {}

    static SimulatedCarrier.Builder apply(Map<String, String> configuration, SimulatedCarrier.Builder builder,
            Clock clock) {
        for (String key : configuration.keySet()) {
            if (!KEYS.contains(key)) {
                throw new CarrierConfigurationException(SimulatedCarrier.ID, key,
                        "Unknown simulator setting '" + key + "'; known settings: " + new TreeSet<>(KEYS));
            }
        }
        builder.clock(clock);
        read(configuration, "seed", Long::parseLong, builder::seed);
        read(configuration, "latencyMillis", value -> Duration.ofMillis(Long.parseLong(value)), builder::latency);
        read(configuration, "transientFailureRate", Double::parseDouble, builder::transientFailureRate);
        read(configuration, "duplicateReportRate", Double::parseDouble, builder::duplicateReportRate);
        read(configuration, "outOfOrderReportRate", Double::parseDouble, builder::outOfOrderReportRate);
        read(configuration, "webhookSecret", Function.identity(), builder::webhookSecret);
        read(configuration, "webhookToleranceSeconds", value -> Duration.ofSeconds(Long.parseLong(value)),
                builder::webhookTolerance);
        read(configuration, "permanentFailures", Function.identity(), value -> pairs(value, (number, reason) ->
                builder.permanentFailure(number, PermanentReason.valueOf(reason))));
        read(configuration, "undeliverable", Function.identity(), value -> pairs(value, (number, status) ->
                builder.undeliverable(number, DeliveryStatus.valueOf(status))));

        CarrierCapabilities.Builder capabilities = CarrierCapabilities.builder()
                .mms(410 * 1024).alphanumericSenders(true).maxSegments(10).messagesPerSecond(100)
                .submitTimeout(Duration.ofSeconds(5));
        read(configuration, "maxMmsBytes", Integer::parseInt, capabilities::mms);
        read(configuration, "mms", SimulatorConfiguration::bool, mms -> {
            if (!mms) {
                capabilities.noMms();
            }
        });
        read(configuration, "alphanumericSenders", SimulatorConfiguration::bool, capabilities::alphanumericSenders);
        read(configuration, "maxSegments", Integer::parseInt, capabilities::maxSegments);
        read(configuration, "messagesPerSecond", Double::parseDouble, capabilities::messagesPerSecond);
        read(configuration, "submitTimeoutMillis", value -> Duration.ofMillis(Long.parseLong(value)),
                capabilities::submitTimeout);
        return builder.capabilities(capabilities.build());
    }

    private static <T> void read(Map<String, String> configuration, String key, Function<String, T> parse,
            java.util.function.Consumer<T> apply) {
        String raw = configuration.get(key);
        if (raw == null) {
            return;
        }
        try {
            apply.accept(parse.apply(raw.trim()));
        } catch (IllegalArgumentException bad) { // NumberFormatException included
            throw new CarrierConfigurationException(SimulatedCarrier.ID, key,
                    "Simulator setting '" + key + "' is malformed: " + bad.getMessage(), bad);
        }
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

    /** Parses {@code +15550001=OPTED_OUT,+15550002=INVALID_NUMBER}. */
    private static void pairs(String value, java.util.function.BiConsumer<String, String> apply) {
        if (value.isEmpty()) {
            return;
        }
        for (String pair : value.split(",", -1)) {
            String[] parts = pair.trim().split("=", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected number=VALUE pairs separated by commas");
            }
            apply.accept(parts[0].trim(), parts[1].trim());
        }
    }
}
