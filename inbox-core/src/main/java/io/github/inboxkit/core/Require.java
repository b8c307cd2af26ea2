package io.github.inboxkit.core;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.MissingValueException;

/**
 * Argument checks that fail fast with an {@link InvalidValueException} naming the field: the one
 * way InboxKit's builders and value types refuse a caller's value (as Caffeine's {@code
 * requireArgument} is its one way).
 */
public final class Require {

    private Require() {}

    /**
     * Checks a condition on an argument.
     *
     * @param condition the condition that must hold
     * @param field the argument's name
     * @param requirement what an acceptable value looks like
     * @throws InvalidValueException if the condition does not hold
     */
    public static void argument(boolean condition, String field, String requirement) {
        if (!condition) {
            throw new InvalidValueException(field, requirement);
        }
    }

    /**
     * Checks that a value was given, in the project's one voice rather than with a
     * {@code NullPointerException}.
     *
     * @param value the value
     * @param field the argument's name
     * @param <T> the value's type
     * @return the value
     * @throws MissingValueException naming {@code field} if the value is null
     */
    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new MissingValueException(field);
        }
        return value;
    }

    /**
     * Checks an identifier-like string: not blank, at most {@code maxLength} characters, no control
     * characters and no unpaired surrogate (text no store keeps as written).
     *
     * @param value the value
     * @param field the argument's name
     * @param maxLength the longest acceptable length
     * @return the value
     * @throws InvalidValueException if the value is blank, too long, or has control characters or an
     *     unpaired surrogate
     */
    public static String identifier(String value, String field, int maxLength) {
        nonNull(value, field);
        argument(!value.isBlank(), field, "must not be blank");
        if (value.length() > maxLength) { // the message built only when it is needed: ids are checked on every read
            argument(false, field, "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                argument(false, field, "must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++; // a whole pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                // PostgreSQL would store it as '?', so that two ids could become one
                argument(false, field, "must not contain an unpaired surrogate (at index " + i + ")");
            }
        }
        return value;
    }
}
