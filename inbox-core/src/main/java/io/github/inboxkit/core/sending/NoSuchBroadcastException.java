package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * No broadcast of the account has this id; another account's broadcast looks the same (F33).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchBroadcastException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final BroadcastId id;

    /**
     * Creates the exception.
     *
     * @param id the id asked for
     */
    public NoSuchBroadcastException(BroadcastId id) {
        super("No broadcast with id " + id + " in this account");
        this.id = id;
    }

    /** @return the id asked for */
    public BroadcastId id() {
        return id;
    }
}
