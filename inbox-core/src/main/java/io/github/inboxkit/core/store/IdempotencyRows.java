package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Port of one aggregate of the store: the records of idempotency keys (F46) (table {@code
 * idempotency_keys} in the SQL stores). Reached through {@link StoreTransaction#idempotency()};
 * every operation is scoped to the transaction's account ({@link StoreTransaction#accountId()}):
 * every read sees only that account's rows and every write goes to that account. An implementation
 * reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface IdempotencyRows {

    /**
     * Reads and locks the account's record for an idempotency key until the transaction ends,
     * whether or not it expired.
     *
     * @param key the key
     * @return the record
     */
    Optional<IdempotencyRecord> lockIdempotencyRecord(IdempotencyKey key);

    /**
     * Keeps the record of a key's first use; called in the transaction that queues what the request
     * queued, so that the two commit together or not at all.
     *
     * @param record the record
     * @throws StoreConflictException if the account has a record for that key (a concurrent
     *     transaction of another node, say): the engine then runs the use case again and finds it
     */
    void insertIdempotencyRecord(IdempotencyRecord record);

    /**
     * Records a broadcast's progress: replaces the recipient counts of the account's record for the
     * key, everything else stays.
     *
     * @param record the record, locked by this transaction, with its new counts
     */
    void updateIdempotencyRecord(IdempotencyRecord record);

    /**
     * Deletes the account's record for a key, if any: a key that no longer holds is used afresh.
     *
     * @param key the key
     */
    void deleteIdempotencyRecord(IdempotencyKey key);

    /**
     * Deletes records that expired at or before {@code now} and are complete, earliest expiry first,
     * for the retention purge (see {@link IdempotencyRecord#holdsAt}).
     *
     * @param now the current time
     * @param limit the most records to delete, at least 1
     * @return how many were deleted
     */
    int deleteExpiredIdempotencyRecords(Instant now, int limit);

    /**
     * Deletes the records of the keys that queued one of the given messages, for an erasure (F40).
     *
     * @param messages the messages
     * @return how many were deleted
     */
    int deleteIdempotencyRecords(Collection<MessageId> messages);
}
