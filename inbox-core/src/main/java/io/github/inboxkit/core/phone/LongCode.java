package io.github.inboxkit.core.phone;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.Require;

/**
 * A sender ID that is an ordinary phone number (a "long code"), which recipients can call and
 * reply to (F21).
 *
 * <p>Immutable and thread-safe. Its {@link #toString()} masks the number, as {@link PhoneNumber}
 * does.
 *
 * @param number the phone number messages are sent from
 */
public record LongCode(PhoneNumber number) implements SenderId {

    /**
     * Creates the sender ID.
     *
     * @throws io.github.inboxkit.core.MissingValueException if {@code number} is null
     */
    public LongCode {
        Require.nonNull(number, "number");
    }

    /**
     * The number in E.164 form.
     *
     * @return e.g. {@code "+33612345678"}
     */
    @Override
    public String value() {
        return number.e164();
    }

    /**
     * The sender as the carrier SPI takes it.
     *
     * @return a long-code {@link Sender} with the E.164 number
     */
    @Override
    public Sender toCarrierSender() {
        return Sender.longCode(number.e164());
    }
}
