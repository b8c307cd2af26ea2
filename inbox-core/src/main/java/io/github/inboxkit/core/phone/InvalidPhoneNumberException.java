package io.github.inboxkit.core.phone;

import io.github.inboxkit.core.InboxException;

/**
 * A phone number that cannot be normalised to E.164: wrong length, letters, or no country to
 * interpret it in.
 *
 * <p>The message does not repeat the input, which may be personal data; {@link #input()} gives it
 * to a host that wants to show it back to the user who typed it.
 */
public final class InvalidPhoneNumberException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param input what the user gave
     * @param reason why it was refused, in words a user can act on
     */
    public InvalidPhoneNumberException(String input, String reason) {
        super("Not a valid phone number: " + reason);
        this.input = input;
        this.reason = reason;
    }

    /** @return the refused input as given */
    public String input() {
        return input;
    }

    /** @return why it was refused */
    public String reason() {
        return reason;
    }
}
