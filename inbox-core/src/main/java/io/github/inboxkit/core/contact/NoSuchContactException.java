package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxException;


/**
 * No contact of the account has this id; a contact of another account behaves exactly as a missing one (F33).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchContactException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ContactId id;

    /**
     * Creates the exception.
     *
     * @param id the id concerned
     */
    public NoSuchContactException(ContactId id) {
        super("No contact with id " + id + " in this account");
        this.id = id;
    }

    /** @return the id concerned */
    public ContactId id() {
        return id;
    }
}
