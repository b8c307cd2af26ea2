package io.github.inboxkit.carrier;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * No carrier with the requested id is registered explicitly or found by {@link
 * java.util.ServiceLoader}. The message lists the ids that are known and the providers that are on
 * the class path but could not be loaded (each error is also attached as a suppressed exception).
 */
public final class UnknownCarrierException extends CarrierException {

    private static final long serialVersionUID = 1L;

    /** The id asked for. */
    private final String requestedId;
    /** The ids that could have been loaded. */
    private final Set<String> knownIds;
    /** Providers that failed to load, by description. */
    private final List<String> brokenProviders;

    /**
     * Creates the exception.
     *
     * @param requestedId the id asked for
     * @param knownIds the ids that could have been loaded
     * @param brokenProviders descriptions of providers that failed to load, naming their classes
     */
    public UnknownCarrierException(String requestedId, Set<String> knownIds, List<String> brokenProviders) {
        super(message(requestedId, knownIds, brokenProviders));
        this.requestedId = Objects.requireNonNull(requestedId, "requestedId");
        this.knownIds = Set.copyOf(knownIds);
        this.brokenProviders = List.copyOf(brokenProviders);
    }

    private static String message(String requestedId, Set<String> knownIds, List<String> broken) {
        StringBuilder text = new StringBuilder()
                .append("No carrier with id '").append(requestedId).append("'; known ids: ")
                .append(knownIds.isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(knownIds)))
                .append(". Add the carrier's jar to the class path or register its provider explicitly.");
        if (!broken.isEmpty()) {
            text.append(" Providers that failed to load: ").append(String.join("; ", broken)).append('.');
        }
        return text.toString();
    }

    /**
     * The id that was asked for.
     *
     * @return the requested id
     */
    public String requestedId() {
        return requestedId;
    }

    /**
     * The ids that are available.
     *
     * @return the known ids, possibly empty
     */
    public Set<String> knownIds() {
        return knownIds;
    }

    /**
     * Providers found on the class path that could not be loaded.
     *
     * @return one description per broken provider, naming its class; empty when none
     */
    public List<String> brokenProviders() {
        return brokenProviders;
    }
}
