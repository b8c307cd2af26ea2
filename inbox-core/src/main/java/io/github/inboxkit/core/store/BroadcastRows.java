package io.github.inboxkit.core.store;

import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.QueuedRecipient;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port of one aggregate of the store: broadcasts (F19): their content, queued recipients and skips
 * (tables {@code broadcasts}, {@code broadcast_recipients}, {@code broadcast_skips} in the SQL
 * stores). Reached through {@link StoreTransaction#broadcasts()}; every operation is scoped to the
 * transaction's account ({@link StoreTransaction#accountId()}): every read sees only that account's
 * rows and every write goes to that account. An implementation reads and writes only this
 * aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface BroadcastRows {

    /**
     * Saves a new broadcast with what each of its copies carries.
     *
     * @param broadcast the broadcast
     * @param content what each copy carries, read back with {@link #findBroadcastContent}
     * @throws StoreConflictException if the id is taken in this account
     */
    void insertBroadcast(Broadcast broadcast, BroadcastContent content);

    /**
     * @param id a broadcast id
     * @return the account's broadcast with that id
     */
    Optional<Broadcast> findBroadcast(BroadcastId id);

    /**
     * @param id a broadcast id
     * @return what each copy of the account's broadcast with that id carries
     */
    Optional<BroadcastContent> findBroadcastContent(BroadcastId id);

    /**
     * Appends recipients to the end of the account's queue of broadcast copies still to write
     * (F19). The queue is first in, first out across the account's broadcasts.
     *
     * @param recipients the recipients, in order; each one's broadcast was inserted
     */
    void queueBroadcastRecipients(List<QueuedRecipient> recipients);

    /**
     * Takes recipients from the front of the account's queue: they are removed when this
     * transaction commits, and stay queued if it rolls back. Recipients another open transaction
     * took are skipped rather than waited for, so that dispatchers on several nodes take different
     * ones (on a SQL store, {@code FOR UPDATE SKIP LOCKED}).
     *
     * @param limit the most recipients, at least 1
     * @return the recipients, in queue order
     */
    List<QueuedRecipient> takeQueuedRecipients(int limit);

    /**
     * @param id a broadcast
     * @return how many of its recipients are still queued
     */
    long countQueuedRecipients(BroadcastId id);

    /**
     * Appends recipients a broadcast skipped.
     *
     * @param id the broadcast
     * @param skips the skipped recipients, in order
     */
    void appendBroadcastSkips(BroadcastId id, List<BroadcastSkip> skips);

    /**
     * @param id a broadcast
     * @return the skipped recipients, in the order they were appended
     */
    List<BroadcastSkip> listBroadcastSkips(BroadcastId id);

    /**
     * Deletes the queued recipients with a number, whatever their broadcast, for an erasure (F40):
     * their copies are never written.
     *
     * @param recipient the number
     * @return how many were deleted
     */
    int deleteQueuedRecipients(PhoneNumber recipient);

    /**
     * Deletes the skips, of any broadcast, whose recipient as the host gave it is one of the given
     * texts once spaces, {@code -}, {@code .}, {@code (} and {@code )} are left out, for an erasure
     * (F40).
     *
     * @param recipients the texts the recipient may have been given as: the contact id, the
     *     number's spellings
     * @return how many were deleted
     */
    int deleteBroadcastSkips(Collection<String> recipients);
}
