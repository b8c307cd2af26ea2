package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxException;


/**
 * A user with this id exists already in the account.
 *
 * <p>Immutable and thread-safe.
 */
public final class UserAlreadyExistsException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final UserId id;

    /**
     * Creates the exception.
     *
     * @param id the id that was not found
     */
    public UserAlreadyExistsException(UserId id) {
        super("A user with id " + id + " exists already in this account");
        this.id = id;
    }

    /** @return the id that was not found */
    public UserId id() {
        return id;
    }
}
