package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * An account: one tenant of an InboxKit database, with its own users, contacts, conversations and
 * settings. Nothing of one account is visible from another (F33).
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Account {

    /** @return the account's id */
    AccountId id();

    /** @return the account's name as the host shows it (1 to 200 characters) */
    String name();

    /** @return the account's settings */
    AccountSettings settings();

    /** @return when the account was created */
    Instant createdAt();

    /**
     * Starts building an account.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableAccount.Builder builder() {
        return ImmutableAccount.builder();
    }

    /** Checks the name. */
    @Value.Check
    default void check() {
        Require.identifier(name(), "name", 200);
    }
}
