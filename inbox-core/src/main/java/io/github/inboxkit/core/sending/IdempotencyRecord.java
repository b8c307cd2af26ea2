package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.conversation.MessageId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the store keeps for an idempotency key (F46): a fingerprint of the request it was first
 * used with, what that request queued (one message, or a broadcast), and, for a broadcast, how far
 * the checking and queuing of its recipients got, so that a call interrupted half-way is finished,
 * not repeated, by a later call with the same key. Part of the store port; hosts do not build it.
 *
 * <p>The store keeps at most one record per account and key (a unique key written in the same
 * transaction as what the request queued), which is what makes a key hold across nodes.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface IdempotencyRecord {

    /** @return the key, unique within the account */
    IdempotencyKey key();

    /** @return the fingerprint of the first request: 64 lower-case hex digits (SHA-256) */
    String requestHash();

    /** @return the message a send or schedule queued; empty for a broadcast */
    Optional<MessageId> messageId();

    /** @return the broadcast a broadcast created; empty for a send or schedule */
    Optional<BroadcastId> broadcastId();

    /** @return how many recipients the request has: 1 for a send or schedule */
    int recipientsTotal();

    /** @return how many recipients, in order, were checked and queued or skipped so far */
    int recipientsDone();

    /** @return how many of those were queued */
    int recipientsQueued();

    /** @return when the key was first used */
    Instant createdAt();

    /** @return when the key stops holding, if the request is complete; after {@link #createdAt()} */
    Instant expiresAt();

    /**
     * Whether every recipient was checked: a send's or schedule's record always is; a broadcast's
     * once its last batch committed.
     *
     * @return whether the request's work is done
     */
    default boolean complete() {
        return recipientsDone() >= recipientsTotal();
    }

    /**
     * Whether the key still holds at {@code now}: before it expires, and for ever while the
     * request is incomplete (a broadcast whose creation was interrupted keeps its key until a call
     * with that key finishes it).
     *
     * @param now the current time
     * @return whether a call with this key returns this record's result
     */
    default boolean holdsAt(Instant now) {
        return now.isBefore(expiresAt()) || !complete();
    }

    /**
     * Starts a record.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableIdempotencyRecord.Builder builder() {
        return ImmutableIdempotencyRecord.builder();
    }

    /**
     * Checks the record; called by the builder's {@code build()}.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if it has both or neither of a message and a broadcast, a
     *     count out of range, a hash that is not 64 hex digits, or an expiry not after its creation
     */
    @Value.Check
    default void check() {
        Require.argument(messageId().isPresent() != broadcastId().isPresent(), "messageId",
                "must be given, or else broadcastId: an idempotency record holds a message or a broadcast, exactly one");
        Require.argument(recipientsTotal() >= 0 && recipientsDone() >= 0 && recipientsDone() <= recipientsTotal()
                && recipientsQueued() >= 0 && recipientsQueued() <= recipientsDone(), "recipientsDone",
                "must be within the counts: total " + recipientsTotal() + ", done " + recipientsDone()
                        + ", queued " + recipientsQueued());
        Require.argument(requestHash().matches("[0-9a-f]{64}"), "requestHash", "must be 64 lower-case hex digits");
        Require.argument(expiresAt().isAfter(createdAt()), "expiresAt", "must be after createdAt");
    }
}
