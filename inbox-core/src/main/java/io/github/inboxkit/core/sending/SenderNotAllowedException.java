package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * The chosen sender ID cannot send this message: an alphanumeric sender ID through a carrier whose
 * capabilities say it takes none, or to a country that does not accept one (the North American
 * numbering plan, +1). Nothing was stored. Choose a long code or short code instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class SenderNotAllowedException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String senderId;
    private final String carrierId;

    /**
     * Creates the exception.
     *
     * @param senderId the sender ID refused
     * @param carrierId the carrier
     * @param why the rule that refused it
     */
    public SenderNotAllowedException(String senderId, String carrierId, String why) {
        super("Cannot send from sender ID '" + senderId + "' through carrier '" + carrierId + "': " + why
                + ". Choose a long code or a short code.");
        this.senderId = senderId;
        this.carrierId = carrierId;
    }

    /** @return the sender ID refused */
    public String senderId() {
        return senderId;
    }

    /** @return the carrier */
    public String carrierId() {
        return carrierId;
    }
}
