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
 * One entry of the consent ledger (F18, F43): a subscription change of a phone number, opted out
 * or in, of what kind, when, by whom and what caused it (the inbound message and keyword or
 * detector rule, the user, the carrier's refusal, the host's import). Entries are only ever
 * appended; the latest entry of a number is its current state, the one the send, the broadcast
 * and the dispatcher's re-check read.
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

    /**
     * @return when: the time of the use case that made the change, or the number's previous
     *     record's if that is later (a change that waited for a concurrent one of the same number),
     *     so that a number's records are in the order of their times
     */
    Instant recordedAt();

    /**
     * The kind of change; when not given, derived from the action and the source ({@link
     * ConsentChange#IMPORT} for an import, {@link ConsentChange#REVOCATION} for a natural-language
     * opt-out, else {@link ConsentChange#OPT_OUT} or {@link ConsentChange#OPT_IN}).
     *
     * @return the kind of change
     */
    @Value.Default
    default ConsentChange change() {
        return ConsentChange.of(action(), source());
    }

    /**
     * Who made the change: the user's id for {@link OptOutSource#USER}, {@code "contact"} for a
     * keyword or a natural-language revocation, {@code "carrier"} for a carrier's refusal, and
     * the host's own text (at most 128 characters) for an import.
     *
     * @return the actor, never blank
     */
    @Value.Default
    default String actor() {
        return switch (source()) {
            case USER -> changedBy().map(UserId::value).orElse("user");
            case KEYWORD, NATURAL_LANGUAGE -> "contact";
            case CARRIER -> "carrier";
            case IMPORT -> "import";
        };
    }

    /**
     * The revocation detector's rule that read the causing message (F44), such as {@code
     * "en.stop-sending"} or {@code "keyword.stop"}; never any part of the text.
     *
     * @return the rule's id, for a change the detector made
     */
    Optional<String> ruleId();

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
        } else if (source() == OptOutSource.NATURAL_LANGUAGE) {
            Require.argument(causedByMessage().isPresent() && ruleId().isPresent(), "causedByMessage",
                    "and ruleId must be given for a natural-language revocation");
        } else if (source() == OptOutSource.IMPORT) {
            // the host's own record: only the actor, checked below
        } else if (source() == OptOutSource.CARRIER) {
            Require.argument(causedByMessage().isPresent(), "causedByMessage",
                    "must be given for a change the carrier reported: the message it refused");
        } else {
            Require.argument(changedBy().isPresent(), "changedBy", "must be given for a change by a user");
        }
        Require.argument(!actor().isBlank() && actor().length() <= 128, "actor",
                "must be 1 to 128 characters, not blank");
        ruleId().ifPresent(rule -> Require.argument(!rule.isBlank() && rule.length() <= 64, "ruleId",
                "must be 1 to 64 characters, not blank"));
    }
}
