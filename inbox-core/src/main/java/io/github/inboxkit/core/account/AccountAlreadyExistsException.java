package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxException;


/**
 * An account with this id exists already.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountAlreadyExistsException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId id;

    /**
     * Creates the exception.
     *
     * @param id the id that was not found
     */
    public AccountAlreadyExistsException(AccountId id) {
        super("An account with id " + id + " exists already");
        this.id = id;
    }

    /** @return the id that was not found */
    public AccountId id() {
        return id;
    }
}
