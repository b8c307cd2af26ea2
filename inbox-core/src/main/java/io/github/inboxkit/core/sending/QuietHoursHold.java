package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.compliance.QuietHoursReason;
import java.time.Instant;

/**
 * Why and until when the account's quiet hours hold an outbound message (F41): shown on its
 * {@link OutboxEntry#hold()} while it waits, and in the {@code MessageHeld} event. Holds no phone
 * number and no text, so a host may log it and show it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reason why the policy held it ({@code OUTSIDE_WINDOW}, {@code EXCLUDED_DAY} or {@code EXCLUDED_DATE})
 * @param releaseAt the earliest instant every rule of the policy allows it in every zone the
 *     recipient may be in: 08:00 local the next morning under the federal window
 * @param heldAt when it was held
 */
public record QuietHoursHold(QuietHoursReason reason, Instant releaseAt, Instant heldAt) {

    /**
     * Checks the parts.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if {@code reason} is not one that holds,
     *     or the release is before the hold
     * @throws io.github.inboxkit.core.MissingValueException if a part is null
     */
    public QuietHoursHold {
        Require.nonNull(reason, "reason");
        Require.nonNull(releaseAt, "releaseAt");
        Require.nonNull(heldAt, "heldAt");
        Require.argument(reason.holds(), "reason", "must be a reason that holds a message, not " + reason);
        Require.argument(!releaseAt.isBefore(heldAt), "releaseAt", "must not be before heldAt");
    }
}
