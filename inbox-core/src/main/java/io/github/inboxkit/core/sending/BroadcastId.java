package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies a broadcast (F19) within its account. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record BroadcastId(UUID value) {

    /** Checks the value is given. */
    public BroadcastId {
        Require.nonNull(value, "value");
    }

    /**
     * A new random id.
     *
     * @return the id
     */
    public static BroadcastId random() {
        return new BroadcastId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
