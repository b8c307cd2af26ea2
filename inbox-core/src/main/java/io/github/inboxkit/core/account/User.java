package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A team member of an account, who reads conversations, replies, and may be assigned
 * conversations (F9). The inbox shows a user's {@link #initials()}.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface User {

    /** @return the user's id, unique within the account */
    UserId id();

    /** @return the user's display name (1 to 200 characters), e.g. {@code "Élodie Martin"} */
    String displayName();

    /** @return when the user was added */
    Instant createdAt();

    /**
     * The initials shown on assigned conversations, derived from the display name: the first
     * letter of the first and last words ({@code "Élodie Martin"} gives {@code "ÉM"}), one letter
     * for a one-word name, whole characters for non-Latin scripts and emoji.
     *
     * @return one or two user-perceived characters, upper-cased where the script has case
     */
    @Value.Lazy
    default String initials() {
        return Initials.of(displayName());
    }

    /**
     * Starts building a user.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableUser.Builder builder() {
        return ImmutableUser.builder();
    }

    /** Checks the display name. */
    @Value.Check
    default void check() {
        Require.identifier(displayName(), "displayName", 200);
    }
}
