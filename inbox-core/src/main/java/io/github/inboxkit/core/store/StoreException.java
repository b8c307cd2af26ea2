package io.github.inboxkit.core.store;

import io.github.inboxkit.core.InboxException;

/**
 * The store could not do what was asked: the database is unreachable, a statement failed. The
 * transaction was rolled back; nothing of it remains.
 *
 * <p>Immutable and thread-safe.
 */
public class StoreException extends InboxException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, without personal data
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed, without personal data
     */
    public StoreException(String message) {
        super(message);
    }
}
