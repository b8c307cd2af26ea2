package io.github.inboxkit.core.retention;

import io.github.inboxkit.core.InboxException;

/**
 * The retention purge was asked for, but the engine's store keeps no outbox (it does not implement
 * {@code SendingStore}), so the purge cannot reach the outbound records it must delete with their
 * messages. Both stores InboxKit ships (in memory and JDBC) keep one.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetentionNotAvailableException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String storeType;

    /**
     * Creates the exception.
     *
     * @param storeType the class name of the store the engine was built on
     */
    public RetentionNotAvailableException(String storeType) {
        super("Retention is not available: the store " + storeType
                + " keeps no outbox; build InboxKit on a store that implements SendingStore");
        this.storeType = storeType;
    }

    /** @return the class name of the store the engine was built on */
    public String storeType() {
        return storeType;
    }
}
