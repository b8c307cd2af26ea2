package io.github.inboxkit.carrier;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The sender id an outbound message is sent from. Immutable and thread-safe.
 *
 * @param kind long code, short code or alphanumeric
 * @param value the id in the form its kind requires (see {@link SenderKind})
 */
public record Sender(SenderKind kind, String value) {

    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    private static final Pattern ALPHANUMERIC = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    /**
     * Validates the sender.
     *
     * @param kind the {@code kind} component
     * @param value the {@code value} component
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the value does not have its kind's shape
     */
    public Sender {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        switch (kind) {
            case LONG_CODE:
                Checks.e164(value, "long code sender");
                break;
            case SHORT_CODE:
                Checks.argument(SHORT_CODE.matcher(value).matches(), "short code sender must be 3 to 8 digits");
                break;
            case ALPHANUMERIC:
                Checks.argument(ALPHANUMERIC.matcher(value).matches(),
                        "alphanumeric sender must be 1 to 11 letters, digits or spaces, with at least one letter");
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * A long-code sender.
     *
     * @param e164 the number, e.g. {@code +14155550123}
     * @return the sender
     * @throws IllegalArgumentException if the number is not E.164
     */
    public static Sender longCode(String e164) {
        return new Sender(SenderKind.LONG_CODE, e164);
    }

    /**
     * A short-code sender.
     *
     * @param digits 3 to 8 digits
     * @return the sender
     * @throws IllegalArgumentException if the value is not 3 to 8 digits
     */
    public static Sender shortCode(String digits) {
        return new Sender(SenderKind.SHORT_CODE, digits);
    }

    /**
     * An alphanumeric sender.
     *
     * @param name 1 to 11 letters, digits or spaces, at least one a letter
     * @return the sender
     * @throws IllegalArgumentException if the name does not have that shape
     */
    public static Sender alphanumeric(String name) {
        return new Sender(SenderKind.ALPHANUMERIC, name);
    }
}
