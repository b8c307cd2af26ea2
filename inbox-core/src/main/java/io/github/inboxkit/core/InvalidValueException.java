package io.github.inboxkit.core;

/**
 * A value given to InboxKit is not acceptable: an empty identifier, a settings value out of range,
 * a malformed cursor. The exception names the field and says what an acceptable value looks like.
 *
 * <p>The message never repeats the refused value, which may be personal data.
 *
 * <p>This is how every builder and value type of InboxKit refuses what a caller gives it, whether
 * the value is out of range, malformed, or missing ({@link MissingValueException}, a subclass): not
 * with {@code IllegalArgumentException}, {@code IllegalStateException} or {@code
 * NullPointerException}, so a host catches one type and reads {@link #field()}.
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidValueException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String requirement;

    /**
     * Creates the exception.
     *
     * @param field the name of the refused field or parameter, e.g. {@code "retentionWindow"}
     * @param requirement what an acceptable value looks like, e.g. {@code "must be at least 1 day"}
     */
    public InvalidValueException(String field, String requirement) {
        super(field + " " + requirement);
        this.field = field;
        this.requirement = requirement;
    }

    /** @return the name of the refused field or parameter */
    public String field() {
        return field;
    }

    /** @return what an acceptable value looks like */
    public String requirement() {
        return requirement;
    }
}
