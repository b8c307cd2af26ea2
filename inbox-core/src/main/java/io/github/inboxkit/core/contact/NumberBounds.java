package io.github.inboxkit.core.contact;

import java.math.BigDecimal;

/** The bounds of a custom field's number, checked where details come in. Stateless and thread-safe. */
final class NumberBounds {

    private NumberBounds() {}

    /**
     * Refuses a number beyond the bounds of {@link CustomFieldValue.Number}.
     *
     * @param field the custom field's name
     * @param value the number
     * @throws InvalidCustomFieldException if the number is out of bounds
     */
    static void check(String field, BigDecimal value) {
        long fraction = value.scale();
        long integer = (long) value.precision() - value.scale();
        if (integer > CustomFieldValue.Number.MAX_INTEGER_DIGITS) {
            throw new InvalidCustomFieldException(field, InvalidCustomFieldException.Limit.INTEGER_DIGITS,
                    CustomFieldValue.Number.MAX_INTEGER_DIGITS, integer);
        }
        if (fraction > CustomFieldValue.Number.MAX_FRACTION_DIGITS) {
            throw new InvalidCustomFieldException(field, InvalidCustomFieldException.Limit.FRACTION_DIGITS,
                    CustomFieldValue.Number.MAX_FRACTION_DIGITS, fraction);
        }
        if (value.precision() > CustomFieldValue.Number.MAX_SIGNIFICANT_DIGITS) {
            throw new InvalidCustomFieldException(field, InvalidCustomFieldException.Limit.SIGNIFICANT_DIGITS,
                    CustomFieldValue.Number.MAX_SIGNIFICANT_DIGITS, value.precision());
        }
    }
}
