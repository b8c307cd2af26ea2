package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxException;

/**
 * No revocation review (F44) of the account has this id; one of another account behaves exactly as
 * a missing one.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchRevocationReviewException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final RevocationReviewId id;

    /**
     * Creates the exception.
     *
     * @param id the id concerned
     */
    public NoSuchRevocationReviewException(RevocationReviewId id) {
        super("No revocation review with id " + id + " in this account; kit.contacts().revocationReviews(...) lists the open ones");
        this.id = id;
    }

    /** @return the id concerned */
    public RevocationReviewId id() {
        return id;
    }
}
