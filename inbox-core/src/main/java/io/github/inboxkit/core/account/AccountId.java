package io.github.inboxkit.core.account;

import io.github.inboxkit.core.Require;

/**
 * Identifies an account (a tenant). The host chooses the value, typically its own tenant key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 1 to 64 characters, no control characters
 */
public record AccountId(String value) implements Comparable<AccountId> {

    /**
     * Validates the value.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if the value is blank, longer than 64
     *     characters or has control characters
     */
    public AccountId {
        Require.identifier(value, "accountId", 64);
    }

    /**
     * Creates an id.
     *
     * @param value the host's key for the account
     * @return the id
     * @throws io.github.inboxkit.core.InvalidValueException if the value is not acceptable
     */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
