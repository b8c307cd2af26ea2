package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies a private note (F36) within its account. InboxKit generates the value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record NoteId(UUID value) {

    /** Checks that the value is present. */
    public NoteId {
        Require.nonNull(value, "value");
    }

    /**
     * Creates a new random id.
     *
     * @return the id
     */
    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    /**
     * Reads an id from its text form.
     *
     * @param text a UUID in its canonical text form
     * @return the id
     * @throws InvalidValueException if the text is not a UUID
     */
    public static NoteId parse(String text) {
        try {
            return new NoteId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("noteId", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
