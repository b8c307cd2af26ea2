package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxException;


/**
 * No account has this id. Create accounts with {@code Administration.createAccount}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchAccountException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId id;

    /**
     * Creates the exception.
     *
     * @param id the id that was not found
     */
    public NoSuchAccountException(AccountId id) {
        super("No account with id " + id + "; create it first");
        this.id = id;
    }

    /** @return the id that was not found */
    public AccountId id() {
        return id;
    }
}
