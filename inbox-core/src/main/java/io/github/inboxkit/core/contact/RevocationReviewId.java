package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.Require;
import java.util.UUID;

/**
 * Identifies a revocation review (F44) within its account. Immutable and thread-safe.
 *
 * @param value the UUID
 */
public record RevocationReviewId(UUID value) {

    /** Checks the value is given. */
    public RevocationReviewId {
        Require.nonNull(value, "value");
    }

    /**
     * A new random id.
     *
     * @return the id
     */
    public static RevocationReviewId random() {
        return new RevocationReviewId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
