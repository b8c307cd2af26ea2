package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations the sending pipeline adds to an {@link AccountTransaction}: the outbox, delivery
 * reports without a match, idempotency keys, broadcasts, and what the retention purge deletes.
 * All scoped to {@link #accountId()}, with the same guarantees as the rest of the transaction
 * (architecture invariants 1, 3, 6). The pipeline decides every status change; the store persists entries as given.
 *
 * <p>Not thread-safe: one transaction belongs to one thread, only during {@link
 * SendingStore#inSendingTransaction}.
 */
public interface SendingTransaction extends AccountTransaction {

    // ----- outbox -----------------------------------------------------------------------------

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
     * Claims up to {@code limit} entries a dispatcher may claim at {@code now}, the ones {@link
     * #lockClaimableOutboxEntries} would lock, and writes each as {@link OutboxEntry#claimed} says
     * (SENDING, one more attempt, held until {@code leaseUntil}), its message too, in one step.
     *
     * <p>The default locks them, then writes them with {@link #updateOutboxEntries} and {@link
     * #syncMessages}; a SQL store claims and writes both tables in one statement.
     *
     * @param now the current time
     * @param limit the most entries, at least 1
     * @param leaseUntil when the claims lapse
     * @return the claimed entries as they were before the claim, {@code dueAt} ascending
     */
    default List<OutboxEntry> claimOutboxEntries(Instant now, int limit, Instant leaseUntil) {
        List<OutboxEntry> due = lockClaimableOutboxEntries(now, limit);
        List<OutboxEntry> claimed = due.stream().map(entry -> entry.claimed(now, leaseUntil)).toList();
        updateOutboxEntries(claimed);
        syncMessages(claimed);
        return due;
    }

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
     * Records how entries' deliveries moved, and their messages with them: each entry's status,
     * attempts, due time, lease, carrier message id, failure and update time, and each message's
     * status and carrier message id (entries whose message is gone are skipped). For the changes a
     * dispatcher or a delivery report makes: what an entry carries to the carrier (recipient,
     * sender, text, media, encoding, shift tables, schedule, broadcast) must be as stored; a
     * change to that goes through {@link #updateOutboxEntries} and {@link #syncMessages}.
     *
     * <p>The default calls those two; a SQL store writes the state columns only, about a fifth of
     * an entry's, a batch per table.
     *
     * @param entries the entries after their change, each read in this transaction
     */
    default void updateOutboxStates(List<OutboxEntry> entries) {
        updateOutboxEntries(entries);
        syncMessages(entries);
    }

    /**
     * Records how entries' deliveries moved where nothing else moved them since the caller wrote
     * them, without locking them first: for each {@code expected.get(i)}, as the caller last wrote
     * it (a claim, say), writes {@code after.get(i)} as {@link #updateOutboxStates} does if, and only
     * if, the stored entry still has the expected status, attempts, lease and update time, and no
     * delivery report is kept for {@code after}'s carrier message id (those are the caller's to take
     * and apply first). Entries not written stay as they are, for the caller to lock and record.
     *
     * <p>The default writes none, so that a caller records every entry the long way; the in-memory
     * and SQL stores decide and write, on PostgreSQL in one statement for both tables.
     *
     * @param expected the entries as the caller last wrote them
     * @param after the same entries after their change, index for index, their content as stored
     * @return the ids of the entries written
     * @throws IllegalArgumentException if the lists differ in length or in their entries' ids
     */
    default Set<MessageId> updateOutboxStatesIfUnchanged(List<OutboxEntry> expected, List<OutboxEntry> after) {
        requireSameEntries(expected, after);
        return Set.of();
    }

    /**
     * Checks the two lists of {@link #updateOutboxStatesIfUnchanged}: the same entries, index for index.
     *
     * @param expected the entries before
     * @param after the entries after
     * @throws IllegalArgumentException if they differ in length or in an id
     */
    static void requireSameEntries(List<OutboxEntry> expected, List<OutboxEntry> after) {
        if (expected.size() != after.size()) {
            throw new IllegalArgumentException("expected and after differ in length: " + expected.size() + " and "
                    + after.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).messageId().equals(after.get(i).messageId())) {
                throw new IllegalArgumentException("expected and after differ at index " + i);
            }
        }
    }

    /**
     * Whether a stored entry still has the status, attempts, lease and update time it was written
     * with: what {@link #updateOutboxStatesIfUnchanged} compares.
     *
     * @param stored the entry as stored
     * @param expected the entry as written
     * @return whether nothing moved it since
     */
    static boolean unchangedSince(OutboxEntry stored, OutboxEntry expected) {
        return stored.status() == expected.status() && stored.attempts() == expected.attempts()
                && stored.leaseUntil().equals(expected.leaseUntil()) && stored.updatedAt().equals(expected.updatedAt());
    }

    /**
     * Writes outbox entries through to their thread messages (architecture invariant 3: the thread shows
     * what the outbox holds): each message takes its entry's status, carrier message id, text and
     * scheduled time; everything else about it stays. Entries whose message is gone (purged) are
     * skipped.
     *
     * <p>The default reads the messages with {@link #findMessages} and writes them back with
     * {@link #updateMessages}; a SQL store updates the four columns in one batch.
     *
     * @param entries the entries after their change
     */
    default void syncMessages(List<OutboxEntry> entries) {
        Map<MessageId, Message> messages = findMessages(entries.stream().map(OutboxEntry::messageId).toList());
        List<Message> synced = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            Message message = messages.get(entry.messageId());
            if (message != null) {
                synced.add(Message.builder().from(message)
                        .status(entry.status())
                        .carrierMessageId(entry.carrierMessageId())
                        .text(entry.text())
                        .scheduledFor(entry.scheduledFor().map(ScheduledTime::instant))
                        .build());
            }
        }
        updateMessages(synced);
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

    // ----- delivery reports without a match ---------------------------------------------------

    /**
     * Keeps a report whose carrier message id matched no entry.
     *
     * @param report the report
     */
    void insertUnmatchedReport(UnmatchedDeliveryReport report);

    /**
     * Removes and returns the kept reports for a carrier message id, in arrival order.
     *
     * @param carrierId the carrier's id
     * @param carrierMessageId the carrier's id for the message
     * @return the reports removed
     */
    List<UnmatchedDeliveryReport> takeUnmatchedReports(String carrierId, String carrierMessageId);

    /**
     * Removes and returns the kept reports for several carrier message ids of one carrier, each
     * id's reports in arrival order: a dispatcher records a whole claim's acceptances at once.
     *
     * <p>The default calls {@link #takeUnmatchedReports(String, String)} once per distinct id; a SQL
     * store reads them in one statement.
     *
     * @param carrierId the carrier's id
     * @param carrierMessageIds the carrier's ids for the messages
     * @return the reports removed, by carrier message id; ids without reports are absent
     */
    default Map<String, List<UnmatchedDeliveryReport>> takeUnmatchedReports(String carrierId,
            Collection<String> carrierMessageIds) {
        Map<String, List<UnmatchedDeliveryReport>> taken = new LinkedHashMap<>();
        for (String carrierMessageId : new TreeSet<>(carrierMessageIds)) {
            List<UnmatchedDeliveryReport> reports = takeUnmatchedReports(carrierId, carrierMessageId);
            if (!reports.isEmpty()) {
                taken.put(carrierMessageId, reports);
            }
        }
        return taken;
    }

    /**
     * Lists kept reports for inspection, oldest first.
     *
     * @param limit the most reports, at least 1
     * @return the reports
     */
    List<UnmatchedDeliveryReport> listUnmatchedReports(int limit);

    /**
     * Deletes kept reports received before {@code receivedBefore}, oldest first, for the retention
     * purge: a report no message matched by then never will be.
     *
     * @param receivedBefore the cutoff
     * @param limit the most reports to delete, at least 1
     * @return how many were deleted
     */
    int deleteUnmatchedReports(Instant receivedBefore, int limit);

    // ----- idempotency keys (F46) -------------------------------------------------------------

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

    // ----- broadcasts -------------------------------------------------------------------------

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
     * Counts a broadcast's outbox entries by status.
     *
     * @param id the broadcast
     * @return the counts; statuses without entries are absent
     */
    Map<MessageStatus, Long> countOutboxEntriesByStatus(BroadcastId id);

    // ----- retention (F30) --------------------------------------------------------------------

    /**
     * Lists messages the purge may delete: created before {@code createdBefore}, and not an
     * outbound message still QUEUED, SCHEDULED or SENDING. Oldest first.
     *
     * @param createdBefore the cutoff
     * @param limit the most messages, at least 1
     * @return the messages
     */
    List<Message> listPurgeableMessages(Instant createdBefore, int limit);

    /**
     * Deletes messages of one conversation, and their outbox entries.
     *
     * @param conversation the conversation, locked by this transaction
     * @param ids the messages
     * @return how many messages were deleted
     */
    int deleteMessages(ConversationId conversation, Collection<MessageId> ids);

    /**
     * @param conversation a conversation
     * @return whether it has at least one message
     */
    boolean hasMessages(ConversationId conversation);

    /**
     * Deletes a conversation that has no message left; its ownership history stays unless
     * {@link #deleteAssignmentHistory} is called too.
     *
     * @param conversation the conversation, locked by this transaction
     */
    void deleteConversation(ConversationId conversation);

    /**
     * Deletes opt-out records that are older than {@code recordedBefore} and superseded: a number's
     * latest record, which decides whether it may be sent to, is never deleted (F18, F30). Called
     * only for accounts whose retention policy does not keep opt-out records.
     *
     * <p>The default deletes nothing, the safe choice for a store that does not implement it yet:
     * the records are kept. {@code OptOutRetentionContract} checks a store that does.
     *
     * @param recordedBefore the cutoff
     * @param limit the most records to delete, at least 1
     * @return how many were deleted
     */
    default int deleteSupersededOptOutRecords(Instant recordedBefore, int limit) {
        return 0;
    }

    /**
     * Deletes a conversation's ownership history (F13).
     *
     * @param conversation the conversation
     * @return how many entries were deleted
     */
    int deleteAssignmentHistory(ConversationId conversation);
}
