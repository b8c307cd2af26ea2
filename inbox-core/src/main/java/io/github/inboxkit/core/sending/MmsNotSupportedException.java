package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * A message with an attachment was to go through a carrier that sends no MMS, or the attachment is
 * larger than the carrier takes. Nothing was stored. Remove the attachment, or use another carrier.
 *
 * <p>Immutable and thread-safe.
 */
public final class MmsNotSupportedException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String carrierId;
    private final int maxBytes;

    /**
     * Creates the exception.
     *
     * @param carrierId the carrier
     * @param maxBytes the largest attachment it takes, 0 if it takes none
     */
    public MmsNotSupportedException(String carrierId, int maxBytes) {
        super(maxBytes == 0
                ? "Carrier '" + carrierId + "' does not send MMS; remove the attachment"
                : "Carrier '" + carrierId + "' takes attachments of at most " + maxBytes + " bytes; use a smaller file");
        this.carrierId = carrierId;
        this.maxBytes = maxBytes;
    }

    /** @return the carrier */
    public String carrierId() {
        return carrierId;
    }

    /** @return the largest attachment the carrier takes, 0 if none */
    public int maxBytes() {
        return maxBytes;
    }
}
