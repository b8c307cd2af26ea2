package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * A message's text needs more SMS segments than allowed (F25, F28): by the account's limit or the
 * carrier's, whichever is lower. Nothing was stored. Shorten the text.
 *
 * <p>Immutable and thread-safe.
 */
public final class TooManySegmentsException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final int segments;
    private final int maxSegments;

    /**
     * Creates the exception.
     *
     * @param segments the segments the text needs
     * @param maxSegments the limit
     */
    public TooManySegmentsException(int segments, int maxSegments) {
        super("The text needs " + segments + " SMS segments; at most " + maxSegments + " are allowed. Shorten it.");
        this.segments = segments;
        this.maxSegments = maxSegments;
    }

    /** @return the segments the text needs */
    public int segments() {
        return segments;
    }

    /** @return the limit */
    public int maxSegments() {
        return maxSegments;
    }
}
