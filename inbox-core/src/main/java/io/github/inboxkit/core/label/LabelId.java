package io.github.inboxkit.core.label;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies a label within its account. InboxKit generates the value when the label is created;
 * renaming or recolouring a label keeps it, so that what refers to a label by id never dangles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record LabelId(UUID value) {

    /** Checks that the value is present. */
    public LabelId {
        Require.nonNull(value, "value");
    }

    /**
     * Creates a new random id.
     *
     * @return the id
     */
    public static LabelId random() {
        return new LabelId(UUID.randomUUID());
    }

    /**
     * Reads an id from its text form, as a host keeps it in a URL or a saved filter.
     *
     * @param text a UUID in its canonical text form
     * @return the id
     * @throws InvalidValueException if the text is not a UUID
     * @throws io.github.inboxkit.core.MissingValueException if the text is null
     */
    public static LabelId parse(String text) {
        Require.nonNull(text, "labelId");
        try {
            return new LabelId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("labelId", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
