package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Port of one aggregate of the store: the outbox (architecture invariant 3): entries, claims and
 * scheduled messages (F27) (table {@code outbox_entries} in the SQL stores). Reached through {@link
 * StoreTransaction#outbox()}; every operation is scoped to the transaction's account ({@link
 * StoreTransaction#accountId()}): every read sees only that account's rows and every write goes to
 * that account. An implementation reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface OutboxRows {

    /**
     * Adds a message to the outbox; called in the transaction that inserts the {@link Message}.
     *
     * @param entry the entry
     * @throws StoreConflictException if the account's outbox has an entry with that message id
     */
    void insertOutboxEntry(OutboxEntry entry);

    /**
     * Adds many messages to the outbox, as {@link #insertOutboxEntry} does for one; called in the
     * transaction that inserts their {@link Message}s.
     *
     * <p>The default calls {@link #insertOutboxEntry} for each; a SQL store sends one batch.
     *
     * @param entries the entries, in order
     * @throws StoreConflictException if the account's outbox has an entry with one of their message ids
     */
    default void insertOutboxEntries(List<OutboxEntry> entries) {
        entries.forEach(this::insertOutboxEntry);
    }

    /**
     * Reads an entry without locking it.
     *
     * @param id a message id
     * @return the account's entry for that message
     */
    Optional<OutboxEntry> findOutboxEntry(MessageId id);

    /**
     * Reads and locks an entry until the transaction ends ({@code FOR UPDATE}).
     *
     * @param id a message id
     * @return the account's entry for that message
     */
    Optional<OutboxEntry> lockOutboxEntry(MessageId id);

    /**
     * Reads and locks many entries until the transaction ends, as {@link #lockOutboxEntry} does for
     * one (locks are taken in a stable order, so that overlapping batches do not deadlock).
     *
     * <p>The default calls {@link #lockOutboxEntry} once per distinct id; a SQL store overrides it
     * with one statement.
     *
     * @param ids message ids
     * @return the account's entries found, by message id; unknown ids are absent
     */
    default Map<MessageId, OutboxEntry> lockOutboxEntries(Collection<MessageId> ids) {
        Map<MessageId, OutboxEntry> locked = new LinkedHashMap<>();
        for (MessageId id : new TreeSet<>(ids)) {
            lockOutboxEntry(id).ifPresent(entry -> locked.put(id, entry));
        }
        return locked;
    }

    /**
     * Reads and locks the entry the carrier knows by an id.
     *
     * @param carrierId the carrier's id
     * @param carrierMessageId the carrier's id for the message
     * @return the account's entry with that carrier and carrier message id
     */
    Optional<OutboxEntry> lockOutboxEntryByCarrierId(String carrierId, String carrierMessageId);

    /**
     * Locks up to {@code limit} entries a dispatcher may claim at {@code now} (see {@link
     * OutboxEntry#isClaimable}), earliest due first. Entries locked by another transaction are
     * skipped, not waited for ({@code FOR UPDATE SKIP LOCKED}), so that dispatchers on several
     * nodes take different messages.
     *
     * @param now the current time
     * @param limit the most entries, at least 1
     * @return the locked entries, {@code dueAt} ascending
     */
    List<OutboxEntry> lockClaimableOutboxEntries(Instant now, int limit);

    /**
     * Replaces an entry's attributes but its message id.
     *
     * @param entry the entry, read in this transaction
     */
    void updateOutboxEntry(OutboxEntry entry);

    /**
     * Replaces many entries' attributes, as {@link #updateOutboxEntry} does for one.
     *
     * <p>The default calls {@link #updateOutboxEntry} for each; a SQL store sends one batch.
     *
     * @param entries the entries, each read in this transaction
     */
    default void updateOutboxEntries(List<OutboxEntry> entries) {
        entries.forEach(this::updateOutboxEntry);
    }

    /**
     * Records how entries' deliveries moved: each entry's status, attempts, due time, lease, carrier
     * message id, failure and update time. What an entry carries to the carrier (recipient, sender,
     * text, media, encoding, shift tables, schedule, broadcast) must be as stored; a change to that
     * goes through {@link #updateOutboxEntries}. The outbox half of {@link
     * StoreTransaction#updateOutboxStates}.
     *
     * <p>The default calls {@link #updateOutboxEntries}; a SQL store writes the state columns only,
     * about a fifth of an entry's, in one batch.
     *
     * @param entries the entries after their change, each read in this transaction
     */
    default void updateOutboxEntryStates(List<OutboxEntry> entries) {
        updateOutboxEntries(entries);
    }

    /**
     * Lists the account's SCHEDULED entries (F27), earliest due first, then by message id.
     *
     * @param limit the most entries, at least 1
     * @return the entries
     */
    List<OutboxEntry> listScheduledOutboxEntries(int limit);

    /**
     * Lists a conversation's SCHEDULED entries (F27), earliest due first, then by message id.
     *
     * @param conversation the conversation
     * @param limit the most entries, at least 1
     * @return the entries
     */
    List<OutboxEntry> listScheduledOutboxEntries(ConversationId conversation, int limit);

    /**
     * Counts a broadcast's outbox entries by status.
     *
     * @param id the broadcast
     * @return the counts; statuses without entries are absent
     */
    Map<MessageStatus, Long> countOutboxEntriesByStatus(BroadcastId id);

    /**
     * Deletes the outbox entries of messages of one conversation, for the retention purge: the
     * outbox half of {@link StoreTransaction#deleteMessages}. Ids without an entry are ignored.
     *
     * @param conversation the conversation, locked by this transaction
     * @param ids the messages
     * @return how many entries were deleted
     */
    int deleteOutboxEntries(ConversationId conversation, Collection<MessageId> ids);
}
