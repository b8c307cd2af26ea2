package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.ImmutableIdempotencyRecord;
import io.github.inboxkit.core.store.IdempotencyRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records of idempotency keys (F46) of one account in memory: {@link IdempotencyRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryIdempotency extends MemoryRows implements IdempotencyRows {

    /**
     * One record per key: the map is the store's unique key. Guarded by the account's lock; every
     * write goes through the transaction's undo log.
     */
    static final class Tables {
        final Map<IdempotencyKey, IdempotencyRecord> idempotency = new HashMap<>();

    }

    private final Tables tables;

    MemoryIdempotency(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    @Override
    public Optional<IdempotencyRecord> lockIdempotencyRecord(IdempotencyKey key) {
        // the account lock, held for the whole transaction, already excludes other writers
        checkOpen();
        return Optional.ofNullable(tables.idempotency.get(key));
    }

    @Override
    public void insertIdempotencyRecord(IdempotencyRecord record) {
        checkOpen();
        if (tables.idempotency.containsKey(record.key())) {
            throw new StoreConflictException("idempotency key taken");
        }
        put(tables.idempotency, record.key(), record);
    }

    @Override
    public void updateIdempotencyRecord(IdempotencyRecord record) {
        checkOpen();
        IdempotencyRecord stored = tables.idempotency.get(record.key());
        requireState(stored != null, "idempotency key");
        put(tables.idempotency, record.key(), ImmutableIdempotencyRecord.copyOf(stored)
                .withRecipientsDone(record.recipientsDone())
                .withRecipientsQueued(record.recipientsQueued()));
    }

    @Override
    public void deleteIdempotencyRecord(IdempotencyKey key) {
        checkOpen();
        remove(tables.idempotency, key);
    }

    @Override
    public int deleteExpiredIdempotencyRecords(Instant now, int limit) {
        checkOpen();
        List<IdempotencyKey> expired = tables.idempotency.values().stream()
                .filter(record -> !record.holdsAt(now))
                .sorted(Comparator.comparing(IdempotencyRecord::expiresAt))
                .limit(limit)
                .map(IdempotencyRecord::key)
                .toList();
        expired.forEach(key -> remove(tables.idempotency, key));
        return expired.size();
    }

    @Override
    public int deleteIdempotencyRecords(Collection<MessageId> messages) {
        checkOpen();
        Set<MessageId> erased = Set.copyOf(messages);
        List<IdempotencyKey> keys = tables.idempotency.values().stream()
                .filter(record -> record.messageId().filter(erased::contains).isPresent())
                .map(IdempotencyRecord::key)
                .toList();
        keys.forEach(key -> remove(tables.idempotency, key));
        return keys.size();
    }
}
