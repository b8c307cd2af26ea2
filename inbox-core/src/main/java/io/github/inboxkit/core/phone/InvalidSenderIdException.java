package io.github.inboxkit.core.phone;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;

/**
 * A sender ID that is not a valid long code, short code or alphanumeric ID (F21).
 *
 * <p>The message does not repeat the input, which may be a personal phone number; {@link #input()}
 * gives it to a host that wants to show it back to the user who typed it. Immutable and safe to
 * share between threads.
 */
public final class InvalidSenderIdException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Why a sender ID was refused. */
    public enum Reason {
        /** Nothing but spaces was given. */
        BLANK,
        /** Digits or a number that do not form a valid phone number. */
        INVALID_PHONE_NUMBER,
        /** Bare digits that are too few or too many for a short code. */
        INVALID_SHORT_CODE,
        /** An alphanumeric ID longer than 11 characters. */
        TOO_LONG,
        /** An alphanumeric ID without any letter. */
        NO_LETTER,
        /** An alphanumeric ID with a character carriers do not accept. */
        INVALID_CHARACTER
    }

    private final String input;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param input what the user gave
     * @param reason the kind of refusal
     * @param detail why it was refused, in words a user can act on
     */
    InvalidSenderIdException(String input, Reason reason, String detail) {
        super("Not a valid sender ID: " + detail);
        this.input = Objects.requireNonNull(input, "input");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    InvalidSenderIdException(String input, InvalidPhoneNumberException cause) {
        super("Not a valid sender ID: the phone number is " + cause.reason(), cause);
        this.input = Objects.requireNonNull(input, "input");
        this.reason = Reason.INVALID_PHONE_NUMBER;
    }

    /**
     * The refused input.
     *
     * @return the sender ID as given
     */
    public String input() {
        return input;
    }

    /**
     * Why the sender ID was refused.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
