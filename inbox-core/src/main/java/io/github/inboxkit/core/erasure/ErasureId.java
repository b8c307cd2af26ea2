package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies one erasure (F40) within its account. InboxKit generates the value. Immutable and
 * thread-safe.
 *
 * @param value the UUID
 */
public record ErasureId(UUID value) {

    /** Checks that the value is present. */
    public ErasureId {
        Require.nonNull(value, "value");
    }

    /**
     * Creates a new random id.
     *
     * @return the id
     */
    public static ErasureId random() {
        return new ErasureId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
