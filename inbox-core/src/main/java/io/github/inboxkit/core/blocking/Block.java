package io.github.inboxkit.core.blocking;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A blocked phone number of an account (F38), with why and by whom it was blocked.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Block {

    /** Longest reason, in characters. */
    int MAX_REASON_LENGTH = 500;

    /** @return the blocked number */
    PhoneNumber phone();

    /** @return why it was blocked, as the team member wrote it */
    String reason();

    /** @return the team member who blocked it */
    UserId blockedBy();

    /** @return when it was blocked, by the engine's clock */
    Instant blockedAt();

    /** @return a builder */
    static ImmutableBlock.Builder builder() {
        return ImmutableBlock.builder();
    }

    /** Checks the values. */
    @Value.Check
    default void check() {
        Require.argument(!reason().isBlank() && reason().length() <= MAX_REASON_LENGTH, "reason",
                "must be 1 to " + MAX_REASON_LENGTH + " characters, not only spaces");
    }
}
