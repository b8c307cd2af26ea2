package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's sending rows in the in-memory store: the outbox, kept delivery reports,
 * idempotency keys and broadcasts with their queued recipients. Guarded by the account's lock, like the rest of its data; every write goes through
 * the transaction's undo log.
 */
final class OutboxTables {
    final Map<MessageId, OutboxEntry> entries = new HashMap<>();
    final Map<String, MessageId> byCarrierId = new HashMap<>();
    final TreeMap<Long, UnmatchedDeliveryReport> unmatched = new TreeMap<>();
    long nextUnmatched;
    final Map<BroadcastId, Broadcast> broadcasts = new HashMap<>();
    final Map<BroadcastId, BroadcastContent> contents = new HashMap<>();
    final Map<BroadcastId, List<BroadcastSkip>> skips = new HashMap<>();
    /** Queued broadcast recipients by arrival; a gap left by a rolled-back append is harmless. */
    final TreeMap<Long, QueuedRecipient> queued = new TreeMap<>();
    long nextQueued;
    /** Idempotency keys' records (F46), one per key: the map is the store's unique key. */
    final Map<IdempotencyKey, IdempotencyRecord> idempotency = new HashMap<>();

    static String carrierKey(String carrierId, String carrierMessageId) {
        return carrierId + '\u0000' + carrierMessageId;
    }
}
