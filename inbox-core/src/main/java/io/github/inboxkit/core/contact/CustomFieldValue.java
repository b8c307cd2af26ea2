package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.internal.Require;
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
        /**
         * Validates the text.
         *
         * @throws io.github.inboxkit.core.InvalidValueException if longer than 2000 characters
         */
        public Text {
            Require.nonNull(value, "value");
            io.github.inboxkit.core.internal.Require.argument(value.length() <= 2000,
                    "customField", "text must be at most 2000 characters");
        }
    }

    /**
     * A number value.
     *
     * @param value the number
     */
    record Number(BigDecimal value) implements CustomFieldValue {
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
