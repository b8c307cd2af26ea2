package io.github.inboxkit.core.phone;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.Require;

/**
 * A sender ID that is a name, such as {@code "ACME"} or {@code "Dr Smith"} (F21). Recipients see the
 * name and cannot reply; not every country or carrier allows such senders.
 *
 * <p>The value is trimmed, then must have 1 to 11 characters, at least one letter, and only
 * characters every carrier accepts: ASCII letters and digits and the space (all in the GSM 7-bit
 * default alphabet), the set the carrier SPI's {@link io.github.inboxkit.carrier.Sender} requires.
 * Accented letters and symbols are refused although GSM has some of them, because many carriers
 * reject or rewrite them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the sender name, trimmed
 */
public record AlphanumericSenderId(String value) implements SenderId {

    /** The most characters an alphanumeric sender ID may have (a limit of the SMS address field). */
    public static final int MAX_LENGTH = 11;

    /**
     * Trims and validates the sender name.
     *
     * @throws InvalidSenderIdException if the trimmed value is blank, longer than 11 characters,
     *     has no letter, or has a character outside the accepted set
     * @throws io.github.inboxkit.core.MissingValueException if {@code value} is null
     */
    public AlphanumericSenderId {
        Require.nonNull(value, "value");
        String given = value;
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidSenderIdException(given, InvalidSenderIdException.Reason.BLANK, "it is blank");
        }
        boolean hasLetter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            hasLetter |= letter;
            if (!letter && !(c >= '0' && c <= '9') && c != ' ') {
                throw new InvalidSenderIdException(
                        given,
                        InvalidSenderIdException.Reason.INVALID_CHARACTER,
                        "'" + new String(Character.toChars(value.codePointAt(i)))
                                + "' is not allowed; use letters A-Z, digits and spaces");
            }
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidSenderIdException(
                    given,
                    InvalidSenderIdException.Reason.TOO_LONG,
                    "it has " + value.length() + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        if (!hasLetter) {
            throw new InvalidSenderIdException(
                    given, InvalidSenderIdException.Reason.NO_LETTER, "a sender name needs at least one letter");
        }
    }

    /**
     * The sender as the carrier SPI takes it.
     *
     * @return an alphanumeric {@link Sender}
     */
    @Override
    public Sender toCarrierSender() {
        return Sender.alphanumeric(value);
    }
}
