package io.github.inboxkit.core.account;

import io.github.inboxkit.core.Require;

/**
 * Identifies a user (a team member) within an account. The host chooses the value, typically its own user key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 64 characters, no control characters
 */
public record UserId(String value) implements Comparable<UserId> {

    /**
     * Validates the value.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if the value is blank, longer than 64
     *     characters or has control characters
     */
    public UserId {
        Require.identifier(value, "userId", 64);
    }

    /**
     * Creates an id.
     *
     * @param value the host's key for the user
     * @return the id
     * @throws io.github.inboxkit.core.InvalidValueException if the value is not acceptable
     */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
