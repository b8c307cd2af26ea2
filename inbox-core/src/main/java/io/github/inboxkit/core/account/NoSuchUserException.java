package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxException;


/**
 * No user of the account has this id. A user of another account behaves exactly as a missing one (F33).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchUserException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final UserId id;

    /**
     * Creates the exception.
     *
     * @param id the id that was not found
     */
    public NoSuchUserException(UserId id) {
        super("No user with id " + id + " in this account");
        this.id = id;
    }

    /** @return the id that was not found */
    public UserId id() {
        return id;
    }
}
