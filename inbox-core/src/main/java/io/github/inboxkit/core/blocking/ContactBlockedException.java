package io.github.inboxkit.core.blocking;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.phone.PhoneNumber;

/**
 * The phone number is blocked by the account (F38): nothing may be sent to it until a team member
 * unblocks it. The message masks the number.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactBlockedException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final PhoneNumber phone;

    /**
     * Creates the exception.
     *
     * @param phone the blocked number
     */
    public ContactBlockedException(PhoneNumber phone) {
        super("The number " + phone.masked() + " is blocked by this account; unblock it"
                + " (InboxKit.blocking().unblock) before sending to it");
        this.phone = phone;
    }

    /** @return the blocked number */
    public PhoneNumber phone() {
        return phone;
    }
}
