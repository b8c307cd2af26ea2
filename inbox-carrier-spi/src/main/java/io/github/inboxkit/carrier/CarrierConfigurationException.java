package io.github.inboxkit.carrier;

import java.util.Objects;

/**
 * A carrier cannot be created from its configuration: a setting is missing, unknown or malformed,
 * or a provider on the class path is broken or ambiguous.
 */
public final class CarrierConfigurationException extends CarrierException {

    private static final long serialVersionUID = 1L;

    /** The carrier being configured. */
    private final String carrierId;
    /** The key at fault, or empty. */
    private final String setting;

    /**
     * Creates the exception.
     *
     * @param carrierId the id of the carrier being configured
     * @param setting the configuration key at fault, or an empty string when no single key is
     * @param message what is wrong and how to fix it
     */
    public CarrierConfigurationException(String carrierId, String setting, String message) {
        super(message);
        this.carrierId = Objects.requireNonNull(carrierId, "carrierId");
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param carrierId the id of the carrier being configured
     * @param setting the configuration key at fault, or an empty string when no single key is
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public CarrierConfigurationException(String carrierId, String setting, String message, Throwable cause) {
        super(message, cause);
        this.carrierId = Objects.requireNonNull(carrierId, "carrierId");
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /**
     * The carrier being configured.
     *
     * @return its id
     */
    public String carrierId() {
        return carrierId;
    }

    /**
     * The configuration key at fault.
     *
     * @return the key, or an empty string when the fault is not in a single key
     */
    public String setting() {
        return setting;
    }
}
