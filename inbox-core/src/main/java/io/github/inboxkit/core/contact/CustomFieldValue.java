package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.Require;
import java.math.BigDecimal;

/**
 * The value of a contact's custom field: text, a number or a yes/no flag, the JSON scalar types,
 * so that a store can keep custom fields as a JSON object and a host can exchange them as JSON.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface CustomFieldValue {

    /**
     * A text value.
     *
     * @param value the text, at most 2000 characters
     */
    record Text(String value) implements CustomFieldValue {

        /** The most UTF-16 code units of a text value. */
        public static final int MAX_LENGTH = 2000;

        /**
         * Validates the text.
         *
         * @throws io.github.inboxkit.core.InvalidValueException if longer than {@value #MAX_LENGTH} characters
         */
        public Text {
            Require.nonNull(value, "value");
            Require.argument(value.length() <= MAX_LENGTH,
                    "customField", "text must be at most " + MAX_LENGTH + " characters");
        }
    }

    /**
     * A number value, kept exactly with its scale ({@code 12.50} stays {@code 12.50}); a negative
     * scale is saved as the whole number it stands for ({@code 1E+3} as {@code 1000}), the form
     * every store reads back.
     *
     * <p>A contact's details accept a number with at most {@value #MAX_SIGNIFICANT_DIGITS}
     * significant digits, {@value #MAX_INTEGER_DIGITS} digits before the decimal point and {@value
     * #MAX_FRACTION_DIGITS} after it (so a non-zero magnitude between 1E-38 and 1E+38): the
     * precision of the widest SQL {@code DECIMAL} of common databases, so that a host can copy the
     * value to its own tables, and a plain notation of at most 79 characters, the form stores
     * write and templates merge, well inside what JSON readers accept. Larger numbers are refused
     * with an {@link InvalidCustomFieldException} when {@link ContactDetails} are built; this
     * record itself takes any number, so that a value stored by an older version still reads back.
     *
     * @param value the number
     */
    record Number(BigDecimal value) implements CustomFieldValue {

        /** The most significant digits of a number a contact's details accept. */
        public static final int MAX_SIGNIFICANT_DIGITS = 38;
        /** The most digits before the decimal point of a number a contact's details accept. */
        public static final int MAX_INTEGER_DIGITS = 38;
        /** The most digits after the decimal point of a number a contact's details accept. */
        public static final int MAX_FRACTION_DIGITS = 38;

        /** Checks the value is present. */
        public Number {
            Require.nonNull(value, "value");
        }
    }

    /**
     * A yes/no value.
     *
     * @param value the flag
     */
    record Flag(boolean value) implements CustomFieldValue {}

    /**
     * A text value.
     *
     * @param value the text
     * @return the value
     */
    static CustomFieldValue text(String value) {
        return new Text(value);
    }

    /**
     * A number value.
     *
     * @param value the number
     * @return the value
     */
    static CustomFieldValue number(BigDecimal value) {
        return new Number(value);
    }

    /**
     * A yes/no value.
     *
     * @param value the flag
     * @return the value
     */
    static CustomFieldValue flag(boolean value) {
        return new Flag(value);
    }
}
