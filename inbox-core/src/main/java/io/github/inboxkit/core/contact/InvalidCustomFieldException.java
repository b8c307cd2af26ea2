package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxException;

/**
 * A custom field's number is outside what InboxKit keeps exactly on every store and reads back
 * everywhere (F17): more than {@value CustomFieldValue.Number#MAX_SIGNIFICANT_DIGITS} significant
 * digits, or more than {@value CustomFieldValue.Number#MAX_INTEGER_DIGITS} digits before or {@value
 * CustomFieldValue.Number#MAX_FRACTION_DIGITS} after the decimal point. Refused when the {@link
 * ContactDetails} are built, before anything is written.
 *
 * <p>The getters name the field and the limit; the message never repeats the value, which may be
 * personal data.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidCustomFieldException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Which bound of a number the value exceeds. */
    public enum Limit {
        /** Digits from the first non-zero one to the last one written, trailing zeros of the scale included. */
        SIGNIFICANT_DIGITS,
        /** Digits before the decimal point: the value's magnitude. */
        INTEGER_DIGITS,
        /** Digits after the decimal point: the value's scale. */
        FRACTION_DIGITS
    }

    private final String fieldName;
    private final Limit limit;
    private final int maximum;
    private final long actual;

    /**
     * Creates the exception.
     *
     * @param fieldName the custom field's name
     * @param limit the bound exceeded
     * @param maximum the bound
     * @param actual the value's digits of that kind
     */
    public InvalidCustomFieldException(String fieldName, Limit limit, int maximum, long actual) {
        super("Custom field '" + fieldName + "' has a number with " + actual + " " + describe(limit) + "; at most "
                + maximum + " are kept: round it, or keep the value as text");
        this.fieldName = fieldName;
        this.limit = limit;
        this.maximum = maximum;
        this.actual = actual;
    }

    private static String describe(Limit limit) {
        return switch (limit) {
            case SIGNIFICANT_DIGITS -> "significant digits";
            case INTEGER_DIGITS -> "digits before the decimal point";
            case FRACTION_DIGITS -> "digits after the decimal point";
        };
    }

    /** @return the custom field's name */
    public String fieldName() {
        return fieldName;
    }

    /** @return the bound the value exceeds */
    public Limit limit() {
        return limit;
    }

    /** @return the bound: the most digits of that kind */
    public int maximum() {
        return maximum;
    }

    /** @return the value's digits of that kind, more than {@link #maximum()} */
    public long actual() {
        return actual;
    }
}
