package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.InboxException;

/**
 * An erasure could not finish because new messages of the number kept arriving while it ran
 * (F40). What committed stays erased and the erasure is recorded as unfinished; repeating the
 * request finishes it, once the person stops writing in. Immutable and thread-safe.
 */
public final class ErasureIncompleteException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ErasureId erasure;
    private final int rounds;

    /**
     * Creates the exception.
     *
     * @param erasure the unfinished erasure
     * @param rounds how many times its conversation was erased before new messages stopped it
     */
    public ErasureIncompleteException(ErasureId erasure, int rounds) {
        super("Erasure " + erasure + " is unfinished: new messages of the number arrived " + rounds
                + " times while it ran; repeat the request to finish it");
        this.erasure = erasure;
        this.rounds = rounds;
    }

    /** @return the unfinished erasure */
    public ErasureId erasure() {
        return erasure;
    }

    /** @return how many times the conversation was erased before the erasure gave up */
    public int rounds() {
        return rounds;
    }
}
