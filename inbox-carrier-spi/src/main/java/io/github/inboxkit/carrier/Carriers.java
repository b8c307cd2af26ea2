package io.github.inboxkit.carrier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a carrier by id and creates it from configuration: explicitly given providers first, then
 * those registered for {@link ServiceLoader} under {@code
 * META-INF/services/io.github.inboxkit.carrier.CarrierProvider}.
 *
 * <p>A provider on the class path that cannot be loaded ({@link ServiceConfigurationError}) is not
 * swallowed: it is logged at WARNING with its class name when another carrier is picked, and named
 * in the {@link UnknownCarrierException} (with its error attached as suppressed) when the
 * requested id is not found. Two discovered providers claiming one id is a configuration error.
 *
 * <p>Stateless and thread-safe; each call discovers afresh (discovery is cheap, and a host
 * normally loads its carrier once at start-up).
 */
public final class Carriers {

    private static final System.Logger LOG = System.getLogger(Carriers.class.getName());

    /** Bounds the scan if a broken configuration file made the iterator fail on every step. */
    private static final int MAX_PROVIDER_ERRORS = 64;

    private Carriers() {}

    /**
     * Creates the carrier with this id, found by {@link ServiceLoader}.
     *
     * @param id the carrier's id, e.g. {@code "simulator"}
     * @param configuration its settings
     * @return a new, configured carrier
     * @throws UnknownCarrierException if no provider has this id
     * @throws CarrierConfigurationException if the configuration is refused, or two providers claim the id
     */
    public static Carrier load(String id, Map<String, String> configuration) {
        return load(id, configuration, List.of());
    }

    /**
     * Creates the carrier with this id, looking first among explicitly given providers, then among
     * those found by {@link ServiceLoader}.
     *
     * @param id the carrier's id
     * @param configuration its settings
     * @param explicitProviders providers the host registers in code; they win over discovered ones
     * @return a new, configured carrier
     * @throws UnknownCarrierException if no provider has this id
     * @throws CarrierConfigurationException if the configuration is refused, or two discovered
     *     providers claim the id
     */
    public static Carrier load(String id, Map<String, String> configuration,
            Collection<? extends CarrierProvider> explicitProviders) {
        Checks.nonBlank(id, "id");
        Map<String, String> settings = Map.copyOf(configuration);
        for (CarrierProvider provider : explicitProviders) {
            if (id.equals(provider.id())) {
                return create(provider, settings);
            }
        }
        Discovery discovery = discover(classLoader());
        CarrierProvider found = discovery.providers.get(id);
        if (found == null) {
            Set<String> known = new TreeSet<>(discovery.providers.keySet());
            explicitProviders.forEach(provider -> known.add(provider.id()));
            UnknownCarrierException unknown = new UnknownCarrierException(id, known, discovery.brokenDescriptions());
            discovery.errors.forEach(unknown::addSuppressed);
            throw unknown;
        }
        for (String broken : discovery.brokenDescriptions()) {
            LOG.log(System.Logger.Level.WARNING, "Carrier provider skipped because it failed to load: {0}", broken);
        }
        return create(found, settings);
    }

    /**
     * The ids of the carriers {@link ServiceLoader} finds; broken providers are logged and left out.
     *
     * @return the ids, sorted
     * @throws CarrierConfigurationException if two providers claim one id
     */
    public static Set<String> availableIds() {
        Discovery discovery = discover(classLoader());
        for (String broken : discovery.brokenDescriptions()) {
            LOG.log(System.Logger.Level.WARNING, "Carrier provider skipped because it failed to load: {0}", broken);
        }
        return Set.copyOf(new TreeSet<>(discovery.providers.keySet()));
    }

    private static Carrier create(CarrierProvider provider, Map<String, String> settings) {
        Carrier carrier;
        try {
            carrier = provider.create(settings);
        } catch (CarrierConfigurationException refused) {
            throw refused;
        } catch (RuntimeException failure) {
            throw new CarrierConfigurationException(provider.id(), "",
                    "Carrier provider " + provider.getClass().getName() + " failed to create carrier '"
                            + provider.id() + "': " + failure, failure);
        }
        if (carrier == null) {
            throw new CarrierConfigurationException(provider.id(), "",
                    "Carrier provider " + provider.getClass().getName() + " returned no carrier");
        }
        return carrier;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Carriers.class.getClassLoader();
    }

    private static Discovery discover(ClassLoader loader) {
        Discovery discovery = new Discovery();
        Iterator<CarrierProvider> providers = ServiceLoader.load(CarrierProvider.class, loader).iterator();
        while (discovery.errors.size() < MAX_PROVIDER_ERRORS) {
            CarrierProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError broken) {
                // The error's message names the provider class (not found, not a subtype, constructor failed).
                discovery.errors.add(broken);
                continue;
            }
            String providerId;
            try {
                providerId = Checks.nonBlank(provider.id(), "provider id");
            } catch (RuntimeException broken) {
                discovery.errors.add(new ServiceConfigurationError(
                        "Provider " + provider.getClass().getName() + " has no usable id: " + broken, broken));
                continue;
            }
            CarrierProvider previous = discovery.providers.putIfAbsent(providerId, provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new CarrierConfigurationException(providerId, "",
                        "Two carrier providers claim id '" + providerId + "': " + previous.getClass().getName()
                                + " and " + provider.getClass().getName()
                                + "; remove one jar from the class path or register the one to use explicitly");
            }
        }
        return discovery;
    }

    private static final class Discovery {
        final Map<String, CarrierProvider> providers = new LinkedHashMap<>();
        final List<Throwable> errors = new ArrayList<>();

        List<String> brokenDescriptions() {
            List<String> descriptions = new ArrayList<>();
            for (Throwable error : errors) {
                descriptions.add(Objects.toString(error.getMessage(), error.getClass().getName()));
            }
            return descriptions;
        }
    }
}
