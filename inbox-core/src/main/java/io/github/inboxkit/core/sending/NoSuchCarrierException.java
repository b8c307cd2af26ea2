package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * The message names a carrier the engine was not given. Nothing was stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchCarrierException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String carrierId;

    /**
     * Creates the exception.
     *
     * @param carrierId the carrier asked for
     */
    public NoSuchCarrierException(String carrierId) {
        super("No carrier '" + carrierId + "' is registered with this engine; register it on the builder");
        this.carrierId = carrierId;
    }

    /** @return the carrier asked for */
    public String carrierId() {
        return carrierId;
    }
}
