package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.RowColumns.column;

import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The statements that write an outbox entry and its thread message together (architecture
 * invariant 3: the thread shows what the outbox holds), kept in one statement each on PostgreSQL so
 * that a claim or a dispatcher's record is one round trip: the one class of the store whose SQL
 * names two aggregates' tables ({@code outbox_entries} and {@code messages}, and reads {@code
 * unmatched_delivery_reports}); the store's architecture test names it as the exception. It
 * implements {@link StoreTransaction#claimOutboxEntries} and {@link
 * StoreTransaction#updateOutboxStatesIfUnchanged} for {@link JdbiStoreTransaction}.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiDeliveryWrites extends JdbiRows {

    /** What a delivery changes of an outbox row (the outbox's columns). */
    private static final RowColumns<OutboxEntry> ENTRY_STATE = JdbiOutboxRows.ENTRY_STATE;

    private final JdbiStoreTransaction tx;

    JdbiDeliveryWrites(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    /** What {@link #updateOutboxStatesIfUnchanged} compares, from the entry as the caller wrote it. */
    private static final RowColumns<OutboxEntry> EXPECTED = new RowColumns<>("outbox_entries",
            column("message_id", "message", "uuid", entry -> entry.messageId().value()), List.of(
            column("expected_status", "expectedStatus", "text", entry -> entry.status().name()),
            column("expected_attempts", "expectedAttempts", "integer", OutboxEntry::attempts),
            column("expected_lease_until", "expectedLeaseUntil", "timestamptz",
                    entry -> entry.leaseUntil().map(JdbiRows::time).orElse(null)),
            column("expected_updated_at", "expectedUpdatedAt", "timestamptz", entry -> time(entry.updatedAt()))));

    /**
     * The stored entry {@code t} is as the caller wrote it, and no report is kept for its new carrier
     * id; formatted with the expected status, attempts, lease and update time and the new carrier id,
     * as each dialect's statement carries them (text, cast here).
     */
    private static final String UNCHANGED_WITHOUT_KEPT_REPORT = "t.status = %s AND t.attempts = CAST(%s AS integer)"
            + " AND t.lease_until IS NOT DISTINCT FROM CAST(%s AS timestamp with time zone)"
            + " AND t.updated_at = CAST(%s AS timestamp with time zone)"
            + " AND NOT EXISTS (SELECT 1 FROM unmatched_delivery_reports r WHERE r.account_id = :account"
            + " AND r.carrier_id = t.carrier_id AND r.carrier_message_id = %s)";

    /**
     * On PostgreSQL one statement: the values unnested once, the entries that are as expected
     * updated, their messages updated from what that update returned, and their ids returned.
     */
    private static final String RECORD_IF_UNCHANGED = "WITH v AS MATERIALIZED (SELECT * FROM unnest("
            + ENTRY_STATE.arrays(true) + ", " + EXPECTED.arrays(false) + ") AS v(" + ENTRY_STATE.names(true) + ", "
            + EXPECTED.names(false) + ")),"
            + " o AS (UPDATE outbox_entries t SET " + ENTRY_STATE.assignments() + " FROM v"
            + " WHERE t.account_id = :account AND t.message_id = v.message_id::uuid AND "
            + String.format(Locale.ROOT, UNCHANGED_WITHOUT_KEPT_REPORT, "v.expected_status", "v.expected_attempts",
                    "v.expected_lease_until", "v.expected_updated_at", "v.carrier_message_id")
            + " RETURNING t.message_id, v.status, v.carrier_message_id),"
            + " m AS (UPDATE messages t SET status = o.status, carrier_message_id = o.carrier_message_id FROM o"
            + " WHERE t.account_id = :account AND t.message_id = o.message_id)"
            + " SELECT message_id FROM o";

    /** Elsewhere (H2) one update per entry, in one batch, whose counts say which were written. */
    private static final String RECORD_ONE_IF_UNCHANGED = ENTRY_STATE.rowUpdate() + " AND "
            + String.format(Locale.ROOT, UNCHANGED_WITHOUT_KEPT_REPORT, ":expectedStatus", ":expectedAttempts",
                    ":expectedLeaseUntil", ":expectedUpdatedAt", ":carrierMessageId");

    /** @see StoreTransaction#updateOutboxStatesIfUnchanged */
    Set<MessageId> updateOutboxStatesIfUnchanged(List<OutboxEntry> expected, List<OutboxEntry> after) {
        StoreTransaction.requireSameEntries(expected, after);
        if (after.isEmpty()) {
            return Set.of();
        }
        // the carrier ids this record gives: a report for one of them waits for the commit (see lockCarrierMessageIds)
        Map<String, List<String>> accepted = new java.util.TreeMap<>();
        for (int i = 0; i < after.size(); i++) {
            Optional<String> id = after.get(i).carrierMessageId();
            if (id.isPresent() && !id.equals(expected.get(i).carrierMessageId())) {
                accepted.computeIfAbsent(after.get(i).carrierId(), carrier -> new ArrayList<>()).add(id.get());
            }
        }
        accepted.forEach(tx::lockCarrierMessageIds);
        if (setBased) {
            return run("record outbox entries as claimed", () -> EXPECTED.bindArrays(ENTRY_STATE.bindArrays(handle()
                            .createQuery(RECORD_IF_UNCHANGED).bind("account", account), after, true), expected, false)
                    .map((rs, ctx) -> new MessageId(rs.getObject(1, UUID.class)))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        int[] counts = run("record outbox entries as claimed", () -> {
            PreparedBatch batch = handle().prepareBatch(RECORD_ONE_IF_UNCHANGED);
            for (int i = 0; i < after.size(); i++) {
                EXPECTED.bindColumns(ENTRY_STATE.bind(batch.bind("account", account), after.get(i)), expected.get(i))
                        .add();
            }
            return batch.execute();
        });
        List<OutboxEntry> written = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                written.add(after.get(i));
            }
        }
        tx.messages().syncMessageStates(written);
        return written.stream().map(OutboxEntry::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** PostgreSQL's {@link StoreTransaction#claimOutboxEntries}: one statement for both tables. */
    List<OutboxEntry> claimOutboxEntries(Instant now, int limit, Instant leaseUntil) {
        // One statement: the CTE locks, the messages are written SENDING, and RETURNING gives the rows
        // as they were; the columns written are exactly OutboxEntry.claimed's. MATERIALIZED, so that the locking query runs once: as a
        // join's inner side it could be scanned again and, skipping its own locks, exceed the limit.
        List<OutboxEntry> claimed = new ArrayList<>(run("claim outbox entries", () -> handle()
                .createQuery("WITH c AS MATERIALIZED (SELECT " + JdbiOutboxRows.ENTRY_COLUMNS + " FROM outbox_entries"
                        + " WHERE account_id = :account AND " + JdbiOutboxRows.CLAIMABLE
                        + " ORDER BY due_at, message_id LIMIT :limit FOR UPDATE SKIP LOCKED),"
                        + " m AS (UPDATE messages t SET status = 'SENDING' FROM c"
                        + " WHERE t.account_id = :account AND t.message_id = c.message_id)"
                        + " UPDATE outbox_entries o SET status = 'SENDING', pending = TRUE,"
                        + " attempts = c.attempts + 1, lease_until = :leaseUntil, updated_at = :now"
                        + " FROM c WHERE o.account_id = :account AND o.message_id = c.message_id RETURNING c.*")
                .bind("account", account)
                .bind("now", time(now))
                .bind("leaseUntil", time(leaseUntil))
                .bind("limit", limit)
                .map(JdbiOutboxRows.ENTRY)
                .list()));
        claimed.sort(Comparator.comparing(OutboxEntry::dueAt));
        return claimed;
    }
}
