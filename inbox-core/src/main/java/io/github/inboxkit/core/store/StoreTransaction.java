package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One transaction of an {@link InboxStore}, scoped to {@link #accountId()}: one object that reaches
 * the store's ports, one per aggregate, all in the same transaction, so that a use case writes a
 * message, its outbox entry and the counters atomically. Every read of every port sees only that
 * account's rows and every write goes to that account.
 *
 * <p>Each port is a narrow interface whose implementation reads and writes only its own
 * aggregate's rows. The few operations that span two aggregates are default methods here, composed
 * of the ports' operations (a SQL store may override one with fewer statements, as long as it
 * writes the same rows). A feature adds or extends one port and its implementations.
 *
 * <p>Not thread-safe: one transaction belongs to one thread, and only for the duration of {@link
 * InboxStore#inTransaction}; neither it nor a port it hands out may be kept beyond that call.
 */
public interface StoreTransaction {

    /** @return the account every operation is scoped to */
    AccountId accountId();

    /** @return the account row and its receiving numbers */
    AccountRows accounts();

    /** @return the account's users */
    TeamRows team();

    /** @return the account's contacts */
    ContactRows contacts();

    /** @return the subscription (opt-out and opt-in) records */
    ConsentRows consent();

    /** @return conversations and their ownership history */
    ConversationRows conversations();

    /** @return the threads' messages */
    MessageRows messages();

    /** @return the inbox counters */
    CounterRows counters();

    /** @return the outbox */
    OutboxRows outbox();

    /** @return broadcasts, their queued recipients and skips */
    BroadcastRows broadcasts();

    /** @return delivery reports kept without a matching outbox entry */
    DeliveryReportRows reports();

    /** @return the records of idempotency keys */
    IdempotencyRows idempotency();

    /** @return the labels and the conversations that carry them (F35) */
    LabelRows labels();

    /**
     * The private notes of conversations (F36).
     *
     * @return the port of the notes
     */
    NoteRows notes();

    /**
     * The blocked numbers and the blocked log (F38).
     *
     * @return the port of the blocks
     */
    BlockRows blocks();

    /** @return the export's read model: keyset pages of messages with their contacts' names (F39) */
    ExportRows exportRows();

    /** @return what survives an erasure: proof records, hashed opt-outs (F40) */
    ErasureRows erasures();

    /** @return the states of the account's throughput limits (F50) */
    ThroughputRows throughput();

    // ----- operations spanning the outbox and the messages (architecture invariant 3) ----------

    /**
     * Claims up to {@code limit} entries a dispatcher may claim at {@code now}, the ones {@link
     * OutboxRows#lockClaimableOutboxEntries} would lock, and writes each as {@link OutboxEntry#claimed}
     * says (SENDING, one more attempt, held until {@code leaseUntil}), its message too, in one step.
     *
     * <p>The default locks them, then writes them with {@link OutboxRows#updateOutboxEntries} and
     * {@link MessageRows#syncMessages}; a SQL store claims and writes both tables in one statement.
     *
     * @param now the current time
     * @param limit the most entries, at least 1
     * @param leaseUntil when the claims lapse
     * @return the claimed entries as they were before the claim, {@code dueAt} ascending
     */
    default List<OutboxEntry> claimOutboxEntries(Instant now, int limit, Instant leaseUntil) {
        List<OutboxEntry> due = outbox().lockClaimableOutboxEntries(now, limit);
        List<OutboxEntry> claimed = due.stream().map(entry -> entry.claimed(now, leaseUntil)).toList();
        outbox().updateOutboxEntries(claimed);
        messages().syncMessages(claimed);
        return due;
    }

    /**
     * Records how entries' deliveries moved, and their messages with them: each entry's status,
     * attempts, due time, lease, carrier message id, failure and update time, and each message's
     * status and carrier message id (entries whose message is gone are skipped). For the changes a
     * dispatcher or a delivery report makes: what an entry carries to the carrier (recipient,
     * sender, text, media, encoding, shift tables, schedule, broadcast) must be as stored; a
     * change to that goes through {@link OutboxRows#updateOutboxEntries} and {@link
     * MessageRows#syncMessages}.
     *
     * <p>The default calls {@link OutboxRows#updateOutboxEntryStates} and {@link
     * MessageRows#syncMessageStates}, which a SQL store implements by writing the state columns
     * only, a batch per table.
     *
     * @param entries the entries after their change, each read in this transaction
     */
    default void updateOutboxStates(List<OutboxEntry> entries) {
        outbox().updateOutboxEntryStates(entries);
        messages().syncMessageStates(entries);
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
     * Deletes messages of one conversation, and their outbox entries, for the retention purge (F30):
     * {@link OutboxRows#deleteOutboxEntries}, then {@link MessageRows#deleteMessages}.
     *
     * @param conversation the conversation, locked by this transaction
     * @param ids the messages
     * @return how many messages were deleted
     */
    default int deleteMessages(ConversationId conversation, Collection<MessageId> ids) {
        outbox().deleteOutboxEntries(conversation, ids);
        return messages().deleteMessages(conversation, ids);
    }
}
