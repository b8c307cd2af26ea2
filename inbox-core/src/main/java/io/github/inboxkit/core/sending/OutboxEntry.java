package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.github.inboxkit.core.compliance.MessageCategory;
import org.immutables.value.Value;

/**
 * An outbound message's place in the outbox (architecture invariant 3): what the dispatcher submits and
 * where the message is in its life, QUEUED or SCHEDULED → SENDING → SENT → DELIVERED, or FAILED with
 * a {@link SendFailure}, or CANCELLED (F27, F31). The message as people see it in its thread is the
 * conversation's {@link io.github.inboxkit.core.conversation.Message}, with the same id and status;
 * both change in one transaction.
 *
 * <p>Its content (text, media, segments, encoding, shift tables) is a {@link MessageContent}.
 * Stores persist entries as they are; the sending pipeline decides every transition. Immutable
 * and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface OutboxEntry extends MessageContent {

    /** Statuses from which a message can still be claimed for sending. */
    Set<MessageStatus> PENDING = EnumSet.of(MessageStatus.QUEUED, MessageStatus.SCHEDULED, MessageStatus.SENDING);

    /** @return the message's id, also the carrier's idempotency key */
    MessageId messageId();

    /** @return the thread the message belongs to */
    ConversationId conversationId();

    /** @return who receives it */
    PhoneNumber recipient();

    /** @return where the message is in its life; never RECEIVED */
    MessageStatus status();

    /** @return the id of the carrier that sends it */
    String carrierId();

    /** @return the sender ID it goes from */
    Sender sender();

    /** @return how many times a dispatcher claimed it for a carrier call */
    int attempts();

    /** @return when it may next be claimed */
    Instant dueAt();

    /**
     * @return the time the user scheduled it for, in their zone, for a scheduled message (F27):
     *     always present while SCHEDULED, and kept once it is claimed
     */
    Optional<ScheduledTime> scheduledFor();

    /** @return until when a dispatcher's claim holds, while SENDING */
    Optional<Instant> leaseUntil();

    /** @return the carrier's id for the message, once accepted */
    Optional<String> carrierMessageId();

    /** @return why it failed, when FAILED */
    Optional<SendFailure> failure();

    /** @return the broadcast it belongs to (F19) */
    Optional<BroadcastId> broadcastId();

    /**
     * Whether, and until when, quiet hours hold the message (F41). A held message stays QUEUED (or
     * SCHEDULED) and is due at the hold's release, so that no dispatcher claims it before; the hold
     * is cleared when a dispatcher claims it at or after the release and the window allows it.
     *
     * @return the hold, while the message is held
     */
    Optional<QuietHoursHold> hold();

    /** @return when it was created */
    Instant createdAt();

    /** @return when it last changed */
    Instant updatedAt();

    /**
     * What kind of message this is: what the account's quiet hours cover (F41, unless the request
     * said otherwise {@link MessageCategory#CONVERSATIONAL}); the automatic HELP reply and the
     * consent confirmations carry their own category (F42); the dispatcher lets an {@link MessageCategory#OPT_OUT_CONFIRMATION}
     * reach an opted-out number, and fails it as {@link FailureReason#EXPIRED} when it would go out
     * more than {@link io.github.inboxkit.core.compliance.ConsentReplies#OPT_OUT_CONFIRMATION_DEADLINE}
     * after it was queued.
     *
     * @return the category; {@link MessageCategory#CONVERSATIONAL} by default
     */
    @Value.Default
    default MessageCategory category() {
        return MessageCategory.CONVERSATIONAL;
    }

    /**
     * Whether a dispatcher may claim it at {@code now}: pending and due, and not held by a live lease.
     *
     * @param now the current time
     * @return whether it is claimable
     */
    default boolean isClaimable(Instant now) {
        if (!PENDING.contains(status()) || dueAt().isAfter(now)) {
            return false;
        }
        return status() != MessageStatus.SENDING || leaseUntil().map(lease -> !lease.isAfter(now)).orElse(true);
    }

    /**
     * This entry as a dispatcher claims it for a carrier call: SENDING, one more attempt, held until
     * {@code leaseUntil} (after which another dispatcher may take it over). Whether the entry may be
     * claimed is {@link #isClaimable}'s to say.
     *
     * @param now the time of the claim
     * @param leaseUntil when the claim lapses
     * @return the claimed entry
     */
    default OutboxEntry claimed(Instant now, Instant leaseUntil) {
        return builder().from(this)
                .status(MessageStatus.SENDING)
                .attempts(attempts() + 1)
                .leaseUntil(leaseUntil)
                .updatedAt(now)
                .build();
    }

    /**
     * Starts an entry.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableOutboxEntry.Builder builder() {
        return ImmutableOutboxEntry.builder();
    }

    /** Refuses entries no transition can produce. */
    @Value.Check
    default void check() {
        Require.argument(status() != MessageStatus.RECEIVED, "status",
                "must be an outbound status: an outbox entry is outbound, RECEIVED is not one");
        Require.argument(attempts() >= 0, "attempts", "must be >= 0");
        Require.argument(!text().isEmpty() || !media().isEmpty(), "text",
                "must not be empty when there is no media: an outbox entry needs text or media");
        Require.argument(status() != MessageStatus.SCHEDULED || scheduledFor().isPresent(), "scheduledFor",
                "must be given when the status is SCHEDULED");
        Require.argument((status() == MessageStatus.FAILED) == failure().isPresent(), "failure",
                "must be given exactly when the status is FAILED");
    }
}
