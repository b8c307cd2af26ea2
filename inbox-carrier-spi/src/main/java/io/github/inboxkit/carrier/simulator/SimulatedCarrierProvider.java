package io.github.inboxkit.carrier.simulator;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierProvider;
import java.util.Map;

/**
 * Registers the {@link SimulatedCarrier} for {@link java.util.ServiceLoader} under the id {@value
 * SimulatedCarrier#ID}. Stateless and thread-safe.
 *
 * <p>Configuration keys, all optional: {@code seed} (long), {@code latencyMillis}, {@code
 * transientFailureRate}, {@code duplicateReportRate}, {@code outOfOrderReportRate} (0 to 1),
 * {@code permanentFailures} ({@code +15550001=OPTED_OUT,+15550002=INVALID_NUMBER}), {@code
 * undeliverable} ({@code +15550003=UNDELIVERED}), {@code mms} ({@code true}/{@code false}), {@code
 * maxMmsBytes}, {@code alphanumericSenders}, {@code maxSegments}, {@code messagesPerSecond}, {@code
 * submitTimeoutMillis}, {@code webhookSecret}, {@code webhookToleranceSeconds}. Defaults are those
 * of {@link SimulatedCarrier#builder()}.
 */
public final class SimulatedCarrierProvider implements CarrierProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SimulatedCarrierProvider() {}

    @Override
    public String id() {
        return SimulatedCarrier.ID;
    }

    /**
     * Creates a simulator on the system UTC clock.
     *
     * @throws io.github.inboxkit.carrier.CarrierConfigurationException if a key is unknown or a value malformed
     */
    @Override
    public Carrier create(Map<String, String> configuration) {
        return SimulatedCarrier.fromConfiguration(configuration);
    }
}
