package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * A send or broadcast request asked for both a sender ID and a number pool (F21, F22): the two
 * choices exclude each other, so the request is refused before anything is stored. A host shows
 * it as "choose a sender or a pool".
 *
 * <p>Immutable and thread-safe.
 */
public final class ConflictingSenderChoiceException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String senderId;
    private final String numberPool;

    /**
     * Creates the exception.
     *
     * @param senderId the sender ID asked for (one of the account's own numbers or names)
     * @param numberPool the number pool asked for
     */
    public ConflictingSenderChoiceException(String senderId, String numberPool) {
        super("Choose a senderId or a numberPool, not both (got sender ID '" + senderId + "' and pool '"
                + numberPool + "')");
        this.senderId = senderId;
        this.numberPool = numberPool;
    }

    /** @return the sender ID asked for */
    public String senderId() {
        return senderId;
    }

    /** @return the number pool asked for */
    public String numberPool() {
        return numberPool;
    }
}
