package io.github.inboxkit.core.store;

/**
 * A concurrent transaction got there first: a unique key was taken meanwhile (the same carrier
 * message id, the same contact's thread, the same contact phone), or the database aborted the
 * transaction to resolve a deadlock or a serialization failure.
 *
 * <p>Stores throw it from any operation or from the commit; the transaction is rolled back. The
 * engine then runs the whole use case again (a bounded number of times), and the second run sees
 * the winner's committed data: two identical webhooks at the same time give one message.
 *
 * <p>Immutable and thread-safe.
 */
public class StoreConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which key or which conflict, without personal data
     */
    public StoreConflictException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message which key or which conflict, without personal data
     * @param cause the database's error
     */
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
