package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InvalidValueException;
import java.util.Objects;

/**
 * A host's idempotency key for {@link Sending#send}, {@link Sending#schedule} and {@link
 * Sending#broadcast} (F46): the same key within the {@linkplain SendingOptions#idempotencyWindow
 * idempotency window} returns the first call's result and queues nothing more, on every store and
 * across nodes. Keys are scoped to an account: two accounts may use the same key.
 *
 * <p>A key is 1 to {@value #MAX_LENGTH} visible ASCII characters (U+0021 to U+007E: letters,
 * digits and punctuation, no spaces), compared exactly (case-sensitive). A UUID made by the host
 * for each thing a user asked to send, and kept with it until the host knows the outcome, is the
 * usual choice. A key is not secret, but it should not carry personal data: it is stored as given.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the key as the host made it
 */
public record IdempotencyKey(String value) {

    /** The most characters a key may have. */
    public static final int MAX_LENGTH = 255;

    /**
     * Checks the key.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if it is empty, longer than {@value
     *     #MAX_LENGTH} characters, or has a character outside U+0021 to U+007E (field {@code
     *     "idempotencyKey"})
     */
    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException("idempotencyKey", "must be 1 to " + MAX_LENGTH + " characters, got "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                // visible ASCII only: the key is stored and compared the same way by every store
                throw new InvalidValueException("idempotencyKey",
                        "must hold visible ASCII characters only (U+0021 to U+007E, no spaces); index " + i
                                + " is not one");
            }
        }
    }

    /**
     * A key from the host's text.
     *
     * @param value 1 to {@value #MAX_LENGTH} visible ASCII characters
     * @return the key
     * @throws io.github.inboxkit.core.InvalidValueException if the value is not a valid key
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
