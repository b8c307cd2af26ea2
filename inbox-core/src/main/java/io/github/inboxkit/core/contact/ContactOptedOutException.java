package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.phone.PhoneNumber;

/**
 * The phone number opted out (F18): nothing may be sent to it until it is re-subscribed by a user or by an opt-in keyword. The message masks the number.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactOptedOutException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final PhoneNumber phone;

    /**
     * Creates the exception.
     *
     * @param phone the phone concerned
     */
    public ContactOptedOutException(PhoneNumber phone) {
        super("The contact " + phone.masked() + " has unsubscribed; re-subscribe it before sending");
        this.phone = phone;
    }

    /** @return the phone concerned */
    public PhoneNumber phone() {
        return phone;
    }
}
