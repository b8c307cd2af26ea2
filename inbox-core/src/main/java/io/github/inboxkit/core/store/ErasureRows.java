package io.github.inboxkit.core.store;

import io.github.inboxkit.core.erasure.ErasureId;
import io.github.inboxkit.core.erasure.ErasureRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port of one aggregate of the store: what survives an erasure (F40): the proof records, the
 * hashed opt-outs of erased numbers, and the account's key of those hashes (tables {@code
 * erasure_records}, {@code erased_opt_outs}, {@code erasure_keys} in the SQL stores). Reached
 * through {@link StoreTransaction#erasures()}; every operation is scoped to the transaction's
 * account ({@link StoreTransaction#accountId()}): every read sees only that account's rows and
 * every write goes to that account. An implementation reads and writes only this aggregate's rows.
 * It never sees a phone number: only hashes, which the engine computes.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface ErasureRows {

    /**
     * The account's key of number hashes, made at its first erasure and never changed.
     *
     * @return the key, 64 lower-case hex digits; empty if the account never erased a number
     */
    Optional<String> findNumberHashKey();

    /**
     * Keeps the account's key of number hashes.
     *
     * @param key 64 lower-case hex digits
     * @param createdAt when
     * @throws StoreConflictException if the account has a key (a concurrent first erasure): the
     *     engine then runs the use case again and reads it
     */
    void insertNumberHashKey(String key, Instant createdAt);

    /**
     * Which of the given hashes are erased opt-outs.
     *
     * @param numberHashes number hashes
     * @return those the account keeps as erased opt-outs
     */
    Set<String> findErasedOptOuts(Collection<String> numberHashes);

    /**
     * Keeps a hash as an erased opt-out, replacing the one kept for it, if any.
     *
     * @param numberHash the number's hash
     * @param since when the number opted out
     */
    void putErasedOptOut(String numberHash, Instant since);

    /**
     * Forgets an erased opt-out: the number opted in again.
     *
     * @param numberHash the number's hash
     * @return whether one was kept
     */
    boolean deleteErasedOptOut(String numberHash);

    /**
     * Keeps a new proof record.
     *
     * @param record the record
     * @throws StoreConflictException if its id is taken in this account
     */
    void insertErasureRecord(ErasureRecord record);

    /**
     * @param id an erasure id
     * @return the account's proof record with that id
     */
    Optional<ErasureRecord> findErasureRecord(ErasureId id);

    /**
     * Replaces a proof record's completion time and counts.
     *
     * @param record the record, read in this transaction
     */
    void updateErasureRecord(ErasureRecord record);

    /**
     * The account's proof records of a number hash, oldest first.
     *
     * @param numberHash the number's hash
     * @return the records
     */
    List<ErasureRecord> listErasureRecords(String numberHash);
}
