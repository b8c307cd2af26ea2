package io.github.inboxkit.core.phone;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.Require;

/**
 * A sender ID that is a short code: 3 to 8 digits, provisioned with carriers for high-volume
 * texting (F21).
 *
 * <p>Immutable and thread-safe.
 *
 * @param digits the short code, 3 to 8 ASCII digits, e.g. {@code "38100"}
 */
public record ShortCode(String digits) implements SenderId {

    /** The fewest digits of a short code. */
    public static final int MIN_DIGITS = 3;

    /** The most digits of a short code. */
    public static final int MAX_DIGITS = 8;

    /**
     * Validates the short code.
     *
     * @throws InvalidSenderIdException if {@code digits} is not 3 to 8 ASCII digits
     * @throws io.github.inboxkit.core.MissingValueException if {@code digits} is null
     */
    public ShortCode {
        Require.nonNull(digits, "digits");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS || !isAsciiDigits(digits)) {
            throw new InvalidSenderIdException(
                    digits,
                    InvalidSenderIdException.Reason.INVALID_SHORT_CODE,
                    "a short code has " + MIN_DIGITS + " to " + MAX_DIGITS + " digits and nothing else");
        }
    }

    /**
     * The digits of the short code.
     *
     * @return e.g. {@code "38100"}
     */
    @Override
    public String value() {
        return digits;
    }

    /**
     * The sender as the carrier SPI takes it.
     *
     * @return a short-code {@link Sender}
     */
    @Override
    public Sender toCarrierSender() {
        return Sender.shortCode(digits);
    }

    static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
