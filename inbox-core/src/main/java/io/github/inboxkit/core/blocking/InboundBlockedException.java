package io.github.inboxkit.core.blocking;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.phone.PhoneNumber;

/**
 * An inbound message came from a number the account blocked (F38). It was accepted and counted in
 * the blocked log (its first delivery only: a repeat of the same carrier message is counted once),
 * and nothing else was kept: no conversation, no message, no unread count, no notification. The
 * webhook front door answers the carrier with success, since the message is handled and must not be
 * sent again; a host calling {@code InboxKit.ingestion().receive} directly catches this exception
 * the same way. The message masks the number.
 *
 * <p>Immutable and thread-safe.
 */
public final class InboundBlockedException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final PhoneNumber phone;
    private final boolean repeat;

    /**
     * Creates the exception.
     *
     * @param phone the blocked number the message came from
     * @param repeat whether the carrier had delivered this message before
     */
    public InboundBlockedException(PhoneNumber phone, boolean repeat) {
        super("An inbound message from " + phone.masked() + " was " + (repeat ? "already " : "")
                + "counted in the blocked log and not delivered to the inbox: the number is blocked;"
                + " unblock it (InboxKit.blocking().unblock) to receive its new messages");
        this.phone = phone;
        this.repeat = repeat;
    }

    /** @return the blocked number the message came from */
    public PhoneNumber phone() {
        return phone;
    }

    /** @return whether the carrier had delivered this message before (it was counted once) */
    public boolean repeat() {
        return repeat;
    }
}
