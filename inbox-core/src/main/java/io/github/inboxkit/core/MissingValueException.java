package io.github.inboxkit.core;

import java.util.List;

/**
 * A value InboxKit requires was not given: a builder was built without a setting it needs (a
 * {@code SendRequest} without its draft), or {@code null} was passed where a value is required.
 * {@link #field()} names the first missing setting, {@link #missing()} all of them.
 *
 * <p>The generated builders of InboxKit's value types throw it through their Immutables style,
 * which calls the two constructors below; a host has no reason to construct it.
 *
 * <p>Immutable and thread-safe.
 */
public final class MissingValueException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    /**
     * A {@code null} given where a value is required.
     *
     * @param field the name of the setting or parameter that was given {@code null}
     */
    public MissingValueException(String field) {
        super(field, "must be given, not null");
        this.missing = List.of(field);
    }

    /**
     * Settings a builder needs that were never set before {@code build()}.
     *
     * @param fields the names of the missing settings, at least one
     */
    public MissingValueException(String... fields) {
        super(fields.length == 0 ? "a required setting" : fields[0], requirement(fields));
        this.missing = List.of(fields);
    }

    private static String requirement(String... fields) {
        if (fields.length <= 1) {
            return "must be set before build()";
        }
        return "must be set before build(), and so must " + String.join(", ", List.of(fields).subList(1, fields.length));
    }

    /**
     * The names of all the missing settings, in declaration order.
     *
     * @return at least one name
     */
    public List<String> missing() {
        return missing;
    }
}
