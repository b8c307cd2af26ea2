package io.github.inboxkit.examples.carrier;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierProvider;
import java.time.Clock;
import java.util.Map;

/**
 * Registers {@link KestrelCarrier} for {@link java.util.ServiceLoader} under the id {@value
 * KestrelCarrier#ID} (see {@code META-INF/services/io.github.inboxkit.carrier.CarrierProvider}).
 * Stateless and thread-safe.
 */
public final class KestrelCarrierProvider implements CarrierProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public KestrelCarrierProvider() {}

    @Override
    public String id() {
        return KestrelCarrier.ID;
    }

    /**
     * Creates an adapter from {@code baseUrl}, {@code apiKey}, {@code webhookSecret} and the
     * optional {@code timeoutMillis} and {@code mms}.
     *
     * @throws io.github.inboxkit.carrier.CarrierConfigurationException naming a missing, unknown or malformed key
     */
    @Override
    public Carrier create(Map<String, String> configuration) {
        return new KestrelCarrier(KestrelSettings.fromConfiguration(configuration), Clock.systemUTC());
    }
}
