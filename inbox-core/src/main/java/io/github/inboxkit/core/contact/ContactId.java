package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies a saved contact within its account. InboxKit generates the value.
 *
 * <p>Ids compare as unsigned 128-bit numbers, the order PostgreSQL and H2 give {@code uuid}
 * columns, so that keyset pagination orders ties the same way in every store.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record ContactId(UUID value) implements Comparable<ContactId> {

    /** Checks that the value is present. */
    public ContactId {
        Require.nonNull(value, "value");
    }

    /**
     * Creates a new random id.
     *
     * @return the id
     */
    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    /**
     * Reads an id from its text form.
     *
     * @param text a UUID in its canonical text form
     * @return the id
     * @throws io.github.inboxkit.core.InvalidValueException if the text is not a UUID
     */
    public static ContactId parse(String text) {
        try {
            return new ContactId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new io.github.inboxkit.core.InvalidValueException("contactId", "must be a UUID");
        }
    }

    @Override
    public int compareTo(ContactId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
