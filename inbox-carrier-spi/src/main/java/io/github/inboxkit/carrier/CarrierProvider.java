package io.github.inboxkit.carrier;

import java.util.Map;

/**
 * Creates {@link Carrier}s of one kind from a plain configuration map; registered for {@link
 * java.util.ServiceLoader} in {@code META-INF/services/io.github.inboxkit.carrier.CarrierProvider}
 * and found by {@link Carriers#load(String, Map)}.
 *
 * <p>Implementations are public, have a public no-argument constructor, are stateless and
 * thread-safe.
 */
public interface CarrierProvider {

    /**
     * The id of the carriers this provider creates, matched by {@link Carriers#load(String, Map)}.
     *
     * @return a non-blank, stable id such as {@code "simulator"}
     */
    String id();

    /**
     * Creates a configured carrier. Unknown keys and bad values are refused rather than ignored, so
     * that a typo in a host's configuration is seen at start-up.
     *
     * @param configuration the carrier's settings (credentials, endpoints, options); not retained
     *     beyond the call except as parsed values
     * @return a new carrier, ready to use
     * @throws CarrierConfigurationException if a setting is missing, unknown or malformed
     */
    Carrier create(Map<String, String> configuration);
}
