package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.ImmutableOutboxEntry;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QuietHoursHold;
import io.github.inboxkit.core.sending.SendFailure;
import java.time.Duration;
import io.github.inboxkit.core.compliance.ConsentReplies;
import io.github.inboxkit.core.compliance.MessageCategory;
import java.time.Instant;
import java.util.Optional;

/**
 * Every status change of an outbound message, as pure functions of an {@link OutboxEntry}: stores
 * only persist what these return, so the in-memory and JDBC stores cannot disagree on the life of
 * a message (F27, F31). A function that returns empty means "no change": the event is a repeat,
 * late, or not allowed from the current status. Stateless and thread-safe.
 */
final class Transitions {

    private Transitions() {}

    /**
     * Claims a due message for a carrier call: SENDING with a lease, one more attempt.
     *
     * @param entry the entry, which must be claimable at {@code now}
     * @param now the current time
     * @param lease how long the claim holds before another dispatcher may take it over
     * @return the claimed entry, or empty if it is not claimable
     */
    static Optional<OutboxEntry> claim(OutboxEntry entry, Instant now, Duration lease) {
        if (!entry.isClaimable(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.claimed(now, now.plus(lease)));
    }

    /**
     * A claimed message whose contact opted out in the meantime: FAILED with reason OPTED_OUT.
     *
     * @param entry a pending entry
     * @param now the current time
     * @return the failed entry, or empty if the entry is no longer pending
     */
    static Optional<OutboxEntry> skipOptedOut(OutboxEntry entry, Instant now) {
        return fail(entry, SendFailure.of(FailureReason.OPTED_OUT,
                "the contact opted out before the message was sent"), now);
    }

    /**
     * The account blocked the recipient's number before the claim (F38): failed, as after an
     * opt-out, from where it was before the claim.
     *
     * @param entry the entry as it was before the claim
     * @param now the current time
     * @return the FAILED entry, or empty
     */
    static Optional<OutboxEntry> skipBlocked(OutboxEntry entry, Instant now) {
        return fail(entry, SendFailure.of(FailureReason.BLOCKED,
                "the account blocked the number before the message was sent"), now);
    }

    /**
     * An opt-out confirmation (F42) claimed after its deadline: dropped, never sent late.
     *
     * @param entry a pending entry
     * @param now the current time
     * @return the failed entry, or empty if the entry is no longer pending
     */
    static Optional<OutboxEntry> expire(OutboxEntry entry, Instant now) {
        return fail(entry, SendFailure.of(FailureReason.EXPIRED, "the opt-out confirmation could not go out within "
                + ConsentReplies.OPT_OUT_CONFIRMATION_DEADLINE.toMinutes() + " minutes of the opt-out"), now);
    }

    /**
     * Whether the dispatcher drops an entry it claims at {@code now} rather than send it: an opt-out
     * confirmation (F42) more than {@link ConsentReplies#OPT_OUT_CONFIRMATION_DEADLINE} after it was
     * queued, in the same transaction as the opt-out it confirms.
     *
     * @param entry a claimed entry
     * @param now the current time
     * @return whether it expired
     */
    static boolean expired(OutboxEntry entry, Instant now) {
        return entry.category() == MessageCategory.OPT_OUT_CONFIRMATION
                && entry.createdAt().plus(ConsentReplies.OPT_OUT_CONFIRMATION_DEADLINE).isBefore(now);
    }

    /**
     * Whether the opt-out re-check lets an entry reach an opted-out number: only the opt-out
     * confirmation (F42), the one message the rule allows after an opt-out.
     *
     * @param entry a claimed entry
     * @return whether it goes to an opted-out number
     */
    static boolean reachesOptedOut(OutboxEntry entry) {
        return entry.category() == MessageCategory.OPT_OUT_CONFIRMATION;
    }

    /**
     * The carrier accepted the message. Applies while the message is pending (a node whose lease
     * ran out may record after another node re-queued it: the carrier's idempotency key made both
     * calls one message); a repeat or a late record after a delivery report is no change.
     *
     * @param entry the entry
     * @param carrierMessageId the carrier's id for it
     * @param now the current time
     * @return the SENT entry, or empty
     */
    static Optional<OutboxEntry> accepted(OutboxEntry entry, String carrierMessageId, Instant now) {
        if (!OutboxEntry.PENDING.contains(entry.status())) {
            return Optional.empty();
        }
        return Optional.of(ImmutableOutboxEntry.builder().from(entry)
                .status(MessageStatus.SENT)
                .carrierMessageId(carrierMessageId)
                .leaseUntil(Optional.empty())
                .updatedAt(now)
                .build());
    }

    /**
     * The carrier refused transiently (or failed unexpectedly): back to QUEUED after a delay, or
     * FAILED when the retry policy gives up.
     *
     * @param entry the entry, SENDING
     * @param delay the back-off, or empty when attempts are exhausted
     * @param carrierCode the carrier's code, empty if none
     * @param detail the carrier's reason, for the failure if any
     * @param now the current time
     * @return the changed entry, or empty if it is no longer SENDING
     */
    static Optional<OutboxEntry> retryLater(OutboxEntry entry, Optional<Duration> delay, String carrierCode,
            String detail, Instant now) {
        if (entry.status() != MessageStatus.SENDING) {
            return Optional.empty();
        }
        if (delay.isEmpty()) {
            return fail(entry, SendFailure.builder().reason(FailureReason.RETRIES_EXHAUSTED)
                    .carrierCode(carrierCode).detail(detail).build(), now);
        }
        return Optional.of(ImmutableOutboxEntry.builder().from(entry)
                .status(MessageStatus.QUEUED)
                .dueAt(now.plus(delay.get()))
                .leaseUntil(Optional.empty())
                .updatedAt(now)
                .build());
    }

    /**
     * Puts a claimed message back untouched because its sender's throughput was used up: QUEUED
     * again, due after {@code wait}, and the attempt not counted.
     *
     * @param entry the entry, SENDING
     * @param wait how long until the sender may send again
     * @param now the current time
     * @return the deferred entry, or empty if it is no longer SENDING
     */
    static Optional<OutboxEntry> defer(OutboxEntry entry, Duration wait, Instant now) {
        if (entry.status() != MessageStatus.SENDING) {
            return Optional.empty();
        }
        return Optional.of(ImmutableOutboxEntry.builder().from(entry)
                .status(MessageStatus.QUEUED)
                .attempts(Math.max(0, entry.attempts() - 1))
                .dueAt(now.plus(wait))
                .leaseUntil(Optional.empty())
                .updatedAt(now)
                .build());
    }

    /**
     * Puts a claimed message back because the account's quiet hours hold it (F41): QUEUED again, due
     * at the hold's release, the attempt not counted.
     *
     * @param entry the entry, SENDING
     * @param hold why and until when
     * @param now the current time
     * @return the held entry, or empty if it is no longer SENDING
     */
    static Optional<OutboxEntry> hold(OutboxEntry entry, QuietHoursHold hold, Instant now) {
        return defer(entry, Duration.between(now, hold.releaseAt()), now)
                .map(deferred -> ImmutableOutboxEntry.builder().from(deferred).hold(hold).build());
    }

    /**
     * Records a failure, from any pending status.
     *
     * @param entry the entry
     * @param failure why
     * @param now the current time
     * @return the FAILED entry, or empty if the entry is no longer pending
     */
    static Optional<OutboxEntry> fail(OutboxEntry entry, SendFailure failure, Instant now) {
        if (!OutboxEntry.PENDING.contains(entry.status())) {
            return Optional.empty();
        }
        return Optional.of(ImmutableOutboxEntry.builder().from(entry)
                .status(MessageStatus.FAILED)
                .failure(failure)
                .leaseUntil(Optional.empty())
                .updatedAt(now)
                .build());
    }

    /**
     * Applies a carrier's delivery report: statuses only move forward (pending → SENT → DELIVERED
     * or FAILED), so a duplicate or a report that arrives after a later one is no change, and a late
     * "sent" never overwrites "delivered".
     *
     * @param entry the entry the report's carrier message id designates
     * @param report the report
     * @param now the current time
     * @return the changed entry, or empty if the report changes nothing
     */
    static Optional<OutboxEntry> report(OutboxEntry entry, DeliveryReport report, Instant now) {
        MessageStatus target = switch (report.status()) {
            case SENT -> MessageStatus.SENT;
            case DELIVERED -> MessageStatus.DELIVERED;
            case UNDELIVERED, FAILED -> MessageStatus.FAILED;
        };
        if (rank(target) <= rank(entry.status())) {
            return Optional.empty();
        }
        ImmutableOutboxEntry.Builder builder = ImmutableOutboxEntry.builder().from(entry)
                .status(target)
                .carrierMessageId(report.carrierMessageId())
                .leaseUntil(Optional.empty())
                .updatedAt(now);
        if (target == MessageStatus.FAILED) {
            builder.failure(SendFailure.builder()
                    .reason(FailureReason.UNDELIVERED)
                    .carrierCode(report.carrierErrorCode())
                    .detail("the carrier reported the message " + report.status().name().toLowerCase(java.util.Locale.ROOT))
                    .build());
        }
        return Optional.of(builder.build());
    }

    /**
     * Whether a report's status is already reflected (or overtaken) by a status.
     *
     * @param status the current status
     * @param reported the reported one
     * @return whether the report would change nothing
     */
    static boolean isStale(MessageStatus status, DeliveryStatus reported) {
        MessageStatus target = reported == DeliveryStatus.SENT ? MessageStatus.SENT
                : reported == DeliveryStatus.DELIVERED ? MessageStatus.DELIVERED : MessageStatus.FAILED;
        return rank(target) <= rank(status);
    }

    private static int rank(MessageStatus status) {
        return switch (status) {
            case QUEUED, SCHEDULED, SENDING -> 0;
            case SENT -> 1;
            case DELIVERED, FAILED, CANCELLED -> 2;
            case RECEIVED -> throw new IllegalArgumentException("an inbound message has no delivery status");
        };
    }
}
