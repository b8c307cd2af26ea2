package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InvalidValueException;

import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies a message within its account. InboxKit generates the value.
 *
 * <p>Ids compare as unsigned 128-bit numbers, the order PostgreSQL and H2 give {@code uuid}
 * columns, so that keyset pagination orders ties the same way in every store.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record MessageId(UUID value) implements Comparable<MessageId> {

    /** Checks that the value is present. */
    public MessageId {
        Require.nonNull(value, "value");
    }

    /**
     * Creates a new random id.
     *
     * @return the id
     */
    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    /**
     * Reads an id from its text form.
     *
     * @param text a UUID in its canonical text form
     * @return the id
     * @throws io.github.inboxkit.core.InvalidValueException if the text is not a UUID
     */
    public static MessageId parse(String text) {
        try {
            return new MessageId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new io.github.inboxkit.core.InvalidValueException("messageId", "must be a UUID");
        }
    }

    @Override
    public int compareTo(MessageId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
