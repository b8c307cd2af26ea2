package io.github.inboxkit.core;

/**
 * The root of every exception InboxKit throws on purpose: misuse of the API, input a user can fix,
 * refusals such as sending to an opted-out contact, and failures of the store.
 *
 * <p>Subclasses are named for what happened and expose the facts (which field, which limit) as
 * getters, so that a host can map them to its own UI without parsing messages. Business outcomes
 * that are expected (a carrier's rejection, say) are values, not exceptions.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public abstract class InboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message a user can act on.
     *
     * @param message what went wrong and, where possible, how to fix it
     */
    protected InboxException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the failure that led to this one
     */
    protected InboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
