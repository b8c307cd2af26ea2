package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * The message names a sender ID or number pool the account does not have, or names none and the
 * account has no default sender ID (F21, F22). Nothing was stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchSenderIdException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String requested;

    /**
     * Creates the exception.
     *
     * @param requested the sender ID or pool asked for, empty when none was and there is no default
     * @param what "sender ID" or "number pool"
     */
    public NoSuchSenderIdException(String requested, String what) {
        super(requested.isEmpty()
                ? "No sender ID was chosen and the account has no default sender ID; set one in the account settings"
                : "The account has no " + what + " '" + requested + "'");
        this.requested = requested;
    }

    /** @return the sender ID or pool asked for, empty when none was */
    public String requested() {
        return requested;
    }
}
