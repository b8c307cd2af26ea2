package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxException;


/**
 * The account has a saved contact with this phone number already; edit that one instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactAlreadyExistsException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ContactId existing;

    /**
     * Creates the exception.
     *
     * @param existing the existing concerned
     */
    public ContactAlreadyExistsException(ContactId existing) {
        super("A contact with this phone number exists already (" + existing + "); edit it instead");
        this.existing = existing;
    }

    /** @return the existing concerned */
    public ContactId existing() {
        return existing;
    }
}
