package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One subscription change of a phone number (F18): opted out or in, when, and what caused it (the
 * inbound message and keyword, or the user). The latest record of a number is its current state.
 *
 * <p>Subscription belongs to the phone number, so a number without a saved contact can opt out.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface OptOutRecord {

    /** @return the phone number */
    PhoneNumber phone();

    /** @return opted out or opted in */
    OptOutAction action();

    /** @return keyword, user or carrier */
    OptOutSource source();

    /** @return the message that caused the change: the inbound keyword, or the outbound message a carrier refused */
    Optional<MessageId> causedByMessage();

    /** @return the keyword as configured (e.g. {@code "STOP"}) for a keyword change */
    Optional<String> keyword();

    /** @return the user who made a manual change */
    Optional<UserId> changedBy();

    /** @return when */
    Instant recordedAt();

    /**
     * Starts building a record.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableOptOutRecord.Builder builder() {
        return ImmutableOptOutRecord.builder();
    }

    /** Checks that the cause matches the source. */
    @Value.Check
    default void check() {
        if (source() == OptOutSource.KEYWORD) {
            Require.argument(causedByMessage().isPresent() && keyword().isPresent(), "causedByMessage",
                    "and keyword must be given for a keyword change");
        } else if (source() == OptOutSource.CARRIER) {
            Require.argument(causedByMessage().isPresent(), "causedByMessage",
                    "must be given for a change the carrier reported: the message it refused");
        } else {
            Require.argument(changedBy().isPresent(), "changedBy", "must be given for a change by a user");
        }
    }
}
