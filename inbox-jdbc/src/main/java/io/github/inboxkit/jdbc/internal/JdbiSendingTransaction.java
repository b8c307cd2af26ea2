package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.RowColumns.column;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.SendFailure;
import io.github.inboxkit.core.sending.SkipReason;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import io.github.inboxkit.core.store.SendingTransaction;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The sending pipeline's operations on the SQL schema (outbox, broadcasts and their queued
 * recipients, unmatched reports, retention deletes), in the same transaction as the inbox
 * operations.
 *
 * <p>Claims lock with {@code FOR UPDATE SKIP LOCKED}: dispatchers on several nodes take different
 * entries instead of queueing behind each other, and an entry whose lease ran out is claimable
 * again (architecture invariant 3). Takes from the broadcast recipients' queue skip locked rows the same
 * way, and delete what they took in the taking transaction.
 *
 * <p>Not thread-safe: one transaction, one thread.
 */
final class JdbiSendingTransaction extends JdbiAccountTransaction implements SendingTransaction {

    private static final String ENTRY_COLUMNS = "message_id, conversation_id, recipient, status, carrier_id,"
            + " sender_kind, sender_value, body, media, segment_count, encoding, shift_tables, attempts, due_at,"
            + " scheduled_at, scheduled_zone, lease_until, carrier_message_id, failure, broadcast_id, created_at, updated_at";

    /**
     * SCHEDULED; the first two terms, implied by it (an entry is scheduled for a time and pending),
     * are the scheduled indexes' predicate on PostgreSQL (V6).
     */
    static final String SCHEDULED = "pending AND scheduled_at IS NOT NULL AND status = 'SCHEDULED'";

    /** Claimable at :now, as {@link OutboxEntry#isClaimable} says. */
    static final String CLAIMABLE = "pending = TRUE AND due_at <= :now"
            + " AND (status <> 'SENDING' OR lease_until IS NULL OR lease_until <= :now)";

    /**
     * @param handle the transaction's handle
     * @param accountId the account
     * @param accountCache the node's account cache
     * @param setBased whether many rows are written in one statement ({@code unnest}, PostgreSQL)
     *     rather than in a batch of single-row statements
     */
    JdbiSendingTransaction(Handle handle, AccountId accountId, AccountCache accountCache, boolean setBased) {
        super(handle, accountId, accountCache, setBased);
    }

    private final IdempotencyKeyRows idempotencyKeys = new IdempotencyKeyRows(this);

    // ----- outbox -----------------------------------------------------------------------------

    private static final RowMapper<OutboxEntry> ENTRY = (rs, ctx) -> {
        var builder = OutboxEntry.builder()
                .messageId(new MessageId(rs.getObject("message_id", UUID.class)))
                .conversationId(new ConversationId(rs.getObject("conversation_id", UUID.class)))
                .recipient(new PhoneNumber(rs.getString("recipient")))
                .status(MessageStatus.valueOf(rs.getString("status")))
                .carrierId(rs.getString("carrier_id"))
                .sender(sender(rs))
                .text(rs.getString("body"))
                .media(readMedia(rs.getString("media")))
                .segmentCount(rs.getInt("segment_count"))
                .encoding(TextEncoding.valueOf(rs.getString("encoding")))
                .shiftTables(readShiftTables(rs.getString("shift_tables")))
                .attempts(rs.getInt("attempts"))
                .dueAt(instant(rs, "due_at"))
                .leaseUntil(Optional.ofNullable(nullableInstant(rs, "lease_until")))
                .carrierMessageId(Optional.ofNullable(rs.getString("carrier_message_id")))
                .failure(Optional.ofNullable(rs.getString("failure")).map(JdbiSendingTransaction::readFailure))
                .broadcastId(Optional.ofNullable(rs.getObject("broadcast_id", UUID.class)).map(BroadcastId::new))
                .createdAt(instant(rs, "created_at"))
                .updatedAt(instant(rs, "updated_at"));
        Instant scheduledAt = nullableInstant(rs, "scheduled_at");
        if (scheduledAt != null) {
            builder.scheduledFor(new ScheduledTime(scheduledAt, ZoneId.of(rs.getString("scheduled_zone"))));
        }
        return builder.build();
    };

    /** What an outbox row holds, one list for single-row and set-based statements. */
    private static final RowColumns<OutboxEntry> ENTRY_ROW = new RowColumns<>("outbox_entries",
            column("message_id", "message", "uuid", entry -> entry.messageId().value()), List.of(
            column("conversation_id", "conversation", "uuid", entry -> entry.conversationId().value()),
            column("recipient", "recipient", "text", entry -> entry.recipient().e164()),
            column("status", "status", "text", entry -> entry.status().name()),
            column("pending", "pending", "boolean", entry -> OutboxEntry.PENDING.contains(entry.status())),
            column("carrier_id", "carrierId", "text", OutboxEntry::carrierId),
            column("sender_kind", "senderKind", "text", entry -> entry.sender().kind().name()),
            column("sender_value", "senderValue", "text", entry -> entry.sender().value()),
            column("body", "body", "text", OutboxEntry::text),
            column("media", "media", "text", entry -> writeMedia(entry.media())),
            column("segment_count", "segments", "integer", OutboxEntry::segmentCount),
            column("encoding", "encoding", "text", entry -> entry.encoding().name()),
            column("shift_tables", "shiftTables", "text", entry -> writeShiftTables(entry.shiftTables())),
            column("attempts", "attempts", "integer", OutboxEntry::attempts),
            column("due_at", "dueAt", "timestamptz", entry -> time(entry.dueAt())),
            column("scheduled_at", "scheduledAt", "timestamptz",
                    entry -> entry.scheduledFor().map(s -> time(s.instant())).orElse(null)),
            column("scheduled_zone", "scheduledZone", "text",
                    entry -> entry.scheduledFor().map(s -> s.zone().getId()).orElse(null)),
            column("lease_until", "leaseUntil", "timestamptz",
                    entry -> entry.leaseUntil().map(JdbiAccountTransaction::time).orElse(null)),
            column("carrier_message_id", "carrierMessageId", "text", entry -> entry.carrierMessageId().orElse(null)),
            column("failure", "failure", "text", entry -> entry.failure().map(JdbiSendingTransaction::writeFailure)
                    .orElse(null)),
            column("broadcast_id", "broadcast", "uuid", entry -> entry.broadcastId().map(BroadcastId::value)
                    .orElse(null)),
            column("created_at", "createdAt", "timestamptz", entry -> time(entry.createdAt())),
            column("updated_at", "updatedAt", "timestamptz", entry -> time(entry.updatedAt()))));

    @Override
    public void insertOutboxEntry(OutboxEntry entry) {
        writeOne("insert outbox entry", ENTRY_ROW, true, entry);
    }

    @Override
    public void insertOutboxEntries(List<OutboxEntry> entries) {
        writeAll("insert outbox entries", ENTRY_ROW, true, entries);
    }

    @Override
    public void updateOutboxEntry(OutboxEntry entry) {
        writeOne("update outbox entry", ENTRY_ROW, false, entry);
    }

    @Override
    public void updateOutboxEntries(List<OutboxEntry> entries) {
        writeAll("update outbox entries", ENTRY_ROW, false, entries);
    }

    /** The columns of a thread message that follow its outbox entry; the rest stays. */
    private static final RowColumns<OutboxEntry> MESSAGE_SYNC = new RowColumns<>("messages",
            column("message_id", "message", "uuid", entry -> entry.messageId().value()), List.of(
            column("status", "status", "text", entry -> entry.status().name()),
            column("carrier_message_id", "carrierMessageId", "text", entry -> entry.carrierMessageId().orElse(null)),
            column("body", "body", "text", OutboxEntry::text),
            column("body_lower", "bodyLower", "text", entry -> entry.text().toLowerCase(Locale.ROOT)),
            column("scheduled_for", "scheduledFor", "timestamptz",
                    entry -> entry.scheduledFor().map(s -> time(s.instant())).orElse(null))));

    @Override
    public void syncMessages(List<OutboxEntry> entries) {
        writeAll("update messages of outbox entries", MESSAGE_SYNC, false, entries);
    }

    /** What a delivery changes of an outbox row: the columns after the content. */
    private static final RowColumns<OutboxEntry> ENTRY_STATE = ENTRY_ROW.only(List.of("status",
            "pending", "attempts", "due_at", "lease_until", "carrier_message_id", "failure", "updated_at"));

    /** What a delivery changes of a message. */
    private static final RowColumns<OutboxEntry> MESSAGE_STATE = MESSAGE_SYNC.only(List.of("status", "carrier_message_id"));

    @Override
    public void updateOutboxStates(List<OutboxEntry> entries) {
        writeAll("record outbox entries", ENTRY_STATE, false, entries);
        writeAll("record messages of outbox entries", MESSAGE_STATE, false, entries);
    }

    /**
     * On PostgreSQL, makes the transactions that give an entry its carrier message id (a
     * dispatcher's record) and those that look an entry up by that id (a delivery report) take
     * turns: a transaction-scoped advisory lock per account, carrier and carrier message id, taken
     * in one order before either reads. Without it a report that arrives while a record commits
     * finds no entry yet, is kept as unmatched, and is never applied, since the record looked for
     * kept reports before the report was kept. H2, an embedded single-node store, has no advisory
     * locks: the window stays there, a millisecond wide.
     */
    private void lockCarrierMessageIds(String carrierId, Collection<String> carrierMessageIds) {
        if (!setBased || carrierMessageIds.isEmpty()) {
            return;
        }
        List<String> sorted = carrierMessageIds.stream().distinct().sorted().toList();
        // a volatile function in a subquery's output is evaluated for every row, in the array's order
        run("lock carrier message ids", () -> handle
                .createQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:account),"
                        + " hashtext(:carrierId || ' ' || k)) FROM unnest(CAST(:keys AS text[])) AS k) AS locks")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bindArray("keys", String.class, sorted)
                .mapTo(Long.class)
                .one());
    }

    /** What {@link #updateOutboxStatesIfUnchanged} compares, from the entry as the caller wrote it. */
    private static final RowColumns<OutboxEntry> EXPECTED = new RowColumns<>("outbox_entries",
            column("message_id", "message", "uuid", entry -> entry.messageId().value()), List.of(
            column("expected_status", "expectedStatus", "text", entry -> entry.status().name()),
            column("expected_attempts", "expectedAttempts", "integer", OutboxEntry::attempts),
            column("expected_lease_until", "expectedLeaseUntil", "timestamptz",
                    entry -> entry.leaseUntil().map(JdbiAccountTransaction::time).orElse(null)),
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

    @Override
    public Set<MessageId> updateOutboxStatesIfUnchanged(List<OutboxEntry> expected, List<OutboxEntry> after) {
        SendingTransaction.requireSameEntries(expected, after);
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
        accepted.forEach(this::lockCarrierMessageIds);
        if (setBased) {
            return run("record outbox entries as claimed", () -> EXPECTED.bindArrays(ENTRY_STATE.bindArrays(handle
                            .createQuery(RECORD_IF_UNCHANGED).bind("account", account), after, true), expected, false)
                    .map((rs, ctx) -> new MessageId(rs.getObject(1, UUID.class)))
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        int[] counts = run("record outbox entries as claimed", () -> {
            PreparedBatch batch = handle.prepareBatch(RECORD_ONE_IF_UNCHANGED);
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
        writeAll("record messages of outbox entries", MESSAGE_STATE, false, written);
        return written.stream().map(OutboxEntry::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public Map<MessageId, OutboxEntry> lockOutboxEntries(Collection<MessageId> ids) {
        // ordered, so that overlapping batches take their locks in one order
        return readByKeys("lock outbox entries", "SELECT " + ENTRY_COLUMNS + " FROM outbox_entries"
                + " WHERE account_id = :account AND message_id IN (<keys>) ORDER BY message_id FOR UPDATE",
                ids, MessageId::value, ENTRY, OutboxEntry::messageId);
    }

    @Override
    public Optional<OutboxEntry> findOutboxEntry(MessageId id) {
        return entryById(id, "");
    }

    @Override
    public Optional<OutboxEntry> lockOutboxEntry(MessageId id) {
        return entryById(id, " FOR UPDATE");
    }

    private Optional<OutboxEntry> entryById(MessageId id, String lock) {
        return run("read outbox entry", () -> handle
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries"
                        + " WHERE account_id = :account AND message_id = :message" + lock)
                .bind("account", account)
                .bind("message", id.value())
                .map(ENTRY)
                .findOne());
    }

    @Override
    public Optional<OutboxEntry> lockOutboxEntryByCarrierId(String carrierId, String carrierMessageId) {
        lockCarrierMessageIds(carrierId, List.of(carrierMessageId));
        return run("lock outbox entry by carrier id", () -> handle
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account"
                        + " AND carrier_id = :carrierId AND carrier_message_id = :carrierMessageId FOR UPDATE")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bind("carrierMessageId", carrierMessageId)
                .map(ENTRY)
                .findOne());
    }

    @Override
    public List<OutboxEntry> lockClaimableOutboxEntries(Instant now, int limit) {
        return run("claim outbox entries", () -> handle
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account AND "
                        + CLAIMABLE + " ORDER BY due_at, message_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("account", account)
                .bind("now", time(now))
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public List<OutboxEntry> claimOutboxEntries(Instant now, int limit, Instant leaseUntil) {
        if (!setBased) {
            return SendingTransaction.super.claimOutboxEntries(now, limit, leaseUntil);
        }
        // One statement: the CTE locks, the messages are written SENDING, and RETURNING gives the rows
        // as they were; the columns written are exactly OutboxEntry.claimed's. MATERIALIZED, so that the locking query runs once: as a
        // join's inner side it could be scanned again and, skipping its own locks, exceed the limit.
        List<OutboxEntry> claimed = new ArrayList<>(run("claim outbox entries", () -> handle
                .createQuery("WITH c AS MATERIALIZED (SELECT " + ENTRY_COLUMNS + " FROM outbox_entries"
                        + " WHERE account_id = :account AND " + CLAIMABLE
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
                .map(ENTRY)
                .list()));
        claimed.sort(Comparator.comparing(OutboxEntry::dueAt));
        return claimed;
    }

    @Override
    public List<OutboxEntry> listScheduledOutboxEntries(int limit) {
        return run("list scheduled messages", () -> handle
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account"
                        + " AND " + SCHEDULED + " ORDER BY due_at, message_id LIMIT :limit")
                .bind("account", account)
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public List<OutboxEntry> listScheduledOutboxEntries(ConversationId conversation, int limit) {
        return run("list scheduled messages", () -> handle
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND " + SCHEDULED
                        + " ORDER BY due_at, message_id LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    // ----- unmatched delivery reports ---------------------------------------------------------

    private static final RowMapper<UnmatchedDeliveryReport> UNMATCHED = (rs, ctx) -> new UnmatchedDeliveryReport(
            rs.getString("carrier_id"),
            new DeliveryReport(rs.getString("carrier_message_id"), DeliveryStatus.valueOf(rs.getString("status")),
                    rs.getString("error_code"), instant(rs, "occurred_at")),
            instant(rs, "received_at"));

    private static final String UNMATCHED_COLUMNS =
            "report_seq, carrier_id, carrier_message_id, status, error_code, occurred_at, received_at";

    @Override
    public void insertUnmatchedReport(UnmatchedDeliveryReport report) {
        run("keep unmatched delivery report", () -> handle
                .createUpdate("INSERT INTO unmatched_delivery_reports (account_id, carrier_id, carrier_message_id,"
                        + " status, error_code, occurred_at, received_at) VALUES (:account, :carrierId,"
                        + " :carrierMessageId, :status, :errorCode, :occurredAt, :receivedAt)")
                .bind("account", account)
                .bind("carrierId", report.carrierId())
                .bind("carrierMessageId", report.report().carrierMessageId())
                .bind("status", report.report().status().name())
                .bind("errorCode", report.report().carrierErrorCode())
                .bind("occurredAt", time(report.report().occurredAt()))
                .bind("receivedAt", time(report.receivedAt()))
                .execute());
    }

    @Override
    public List<UnmatchedDeliveryReport> takeUnmatchedReports(String carrierId, String carrierMessageId) {
        return takeUnmatchedReports(carrierId, List.of(carrierMessageId)).getOrDefault(carrierMessageId, List.of());
    }

    @Override
    public Map<String, List<UnmatchedDeliveryReport>> takeUnmatchedReports(String carrierId,
            Collection<String> carrierMessageIds) {
        Map<String, List<UnmatchedDeliveryReport>> taken = new LinkedHashMap<>();
        if (carrierMessageIds.isEmpty()) {
            return taken;
        }
        List<String> ids = carrierMessageIds.stream().distinct().toList();
        lockCarrierMessageIds(carrierId, ids);
        List<UnmatchedDeliveryReport> reports = run("take unmatched delivery reports", () -> handle
                .createQuery("SELECT " + UNMATCHED_COLUMNS + " FROM unmatched_delivery_reports"
                        + " WHERE account_id = :account AND carrier_id = :carrierId"
                        + " AND carrier_message_id IN (<ids>) ORDER BY carrier_message_id, report_seq FOR UPDATE")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bindList("ids", ids)
                .map(UNMATCHED)
                .list());
        if (reports.isEmpty()) {
            return taken; // the common case: nothing overtook the acceptances, one statement
        }
        reports.forEach(report -> taken.computeIfAbsent(report.report().carrierMessageId(), id -> new ArrayList<>())
                .add(report));
        run("take unmatched delivery reports", () -> handle
                .createUpdate("DELETE FROM unmatched_delivery_reports WHERE account_id = :account"
                        + " AND carrier_id = :carrierId AND carrier_message_id IN (<ids>)")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bindList("ids", List.copyOf(taken.keySet()))
                .execute());
        return taken;
    }

    @Override
    public List<UnmatchedDeliveryReport> listUnmatchedReports(int limit) {
        return run("list unmatched delivery reports", () -> handle
                .createQuery("SELECT " + UNMATCHED_COLUMNS + " FROM unmatched_delivery_reports"
                        + " WHERE account_id = :account ORDER BY received_at, report_seq LIMIT :limit")
                .bind("account", account)
                .bind("limit", limit)
                .map(UNMATCHED)
                .list());
    }

    /**
     * A batch of the oldest reports received before {@code :before}: found in V2's received index,
     * deleted by their primary key, so that a batch costs the same however many reports wait.
     */
    static final String DELETE_UNMATCHED_REPORTS = "DELETE FROM unmatched_delivery_reports WHERE account_id = :account"
            + " AND (account_id, carrier_id, carrier_message_id, report_seq) IN (SELECT r.account_id, r.carrier_id,"
            + " r.carrier_message_id, r.report_seq FROM unmatched_delivery_reports r WHERE r.account_id = :account"
            + " AND r.received_at < :before ORDER BY r.received_at, r.report_seq LIMIT :limit)";

    @Override
    public int deleteUnmatchedReports(Instant receivedBefore, int limit) {
        return run("delete unmatched delivery reports", () -> handle
                .createUpdate(DELETE_UNMATCHED_REPORTS)
                .bind("account", account)
                .bind("before", time(receivedBefore))
                .bind("limit", limit)
                .execute());
    }

    // ----- idempotency keys (F46): IdempotencyKeyRows ------------------------------------------

    @Override
    public Optional<IdempotencyRecord> lockIdempotencyRecord(IdempotencyKey key) {
        return idempotencyKeys.lock(key);
    }

    @Override
    public void insertIdempotencyRecord(IdempotencyRecord record) {
        idempotencyKeys.insert(record);
    }

    @Override
    public void updateIdempotencyRecord(IdempotencyRecord record) {
        idempotencyKeys.updateProgress(record);
    }

    @Override
    public void deleteIdempotencyRecord(IdempotencyKey key) {
        idempotencyKeys.delete(key);
    }

    @Override
    public int deleteExpiredIdempotencyRecords(Instant now, int limit) {
        return idempotencyKeys.deleteExpired(now, limit);
    }

    // ----- broadcasts -------------------------------------------------------------------------

    /** What every copy of a broadcast carries, in the columns V5 added; null in a broadcast created before. */
    private static final String CONTENT_COLUMNS =
            "body, media, segment_count, encoding, shift_tables, carrier_id, author_id";

    @Override
    public void insertBroadcast(Broadcast broadcast, BroadcastContent content) {
        run("insert broadcast", () -> handle
                .createUpdate("INSERT INTO broadcasts (account_id, broadcast_id, name, requested_recipients, created_at, "
                        + CONTENT_COLUMNS + ") VALUES (:account, :broadcast, :name, :requested, :createdAt,"
                        + " :body, :media, :segments, :encoding, :shiftTables, :carrierId, :author)")
                .bind("account", account)
                .bind("broadcast", broadcast.id().value())
                .bind("name", broadcast.name())
                .bind("requested", broadcast.requestedRecipients())
                .bind("createdAt", time(broadcast.createdAt()))
                .bind("body", content.text())
                .bind("media", writeMedia(content.media()))
                .bind("segments", content.segmentCount())
                .bind("encoding", content.encoding().name())
                .bind("shiftTables", writeShiftTables(content.shiftTables()))
                .bind("carrierId", content.carrierId())
                .bind("author", content.author().map(UserId::value).orElse(null))
                .execute());
    }

    @Override
    public Optional<Broadcast> findBroadcast(BroadcastId id) {
        return run("find broadcast", () -> handle
                .createQuery("SELECT name, requested_recipients, created_at FROM broadcasts"
                        + " WHERE account_id = :account AND broadcast_id = :broadcast")
                .bind("account", account)
                .bind("broadcast", id.value())
                .map((RowMapper<Broadcast>) (rs, ctx) -> Broadcast.builder()
                        .id(id)
                        .name(rs.getString("name"))
                        .requestedRecipients(rs.getInt("requested_recipients"))
                        .createdAt(instant(rs, "created_at"))
                        .build())
                .findOne());
    }

    @Override
    public Optional<BroadcastContent> findBroadcastContent(BroadcastId id) {
        return run("find broadcast content", () -> handle
                .createQuery("SELECT " + CONTENT_COLUMNS + " FROM broadcasts"
                        + " WHERE account_id = :account AND broadcast_id = :broadcast")
                .bind("account", account)
                .bind("broadcast", id.value())
                .map(CONTENT)
                .findOne())
                .flatMap(content -> content);
    }

    /** A broadcast's content; empty for a broadcast created before V5, which wrote its copies at once. */
    private static final RowMapper<Optional<BroadcastContent>> CONTENT = (rs, ctx) -> {
        String body = rs.getString("body");
        String carrierId = rs.getString("carrier_id");
        if (body == null || carrierId == null) {
            return Optional.empty();
        }
        return Optional.of(BroadcastContent.builder()
                .text(body)
                .media(readMedia(rs.getString("media")))
                .segmentCount(rs.getInt("segment_count"))
                .encoding(TextEncoding.valueOf(rs.getString("encoding")))
                .shiftTables(readShiftTables(rs.getString("shift_tables")))
                .carrierId(carrierId)
                .author(Optional.ofNullable(rs.getString("author_id")).map(UserId::of))
                .build());
    };

    /**
     * A queued recipient's row. Its key, queue_seq, is generated by the database in insertion order
     * (an identity), so broadcast_id stands in the key's place: the row is only ever inserted.
     */
    private static final RowColumns<QueuedRecipient> RECIPIENT_ROW = new RowColumns<>("broadcast_recipients",
            column("broadcast_id", "broadcast", "uuid", recipient -> recipient.broadcast().value()), List.of(
            column("recipient", "recipient", "text", recipient -> recipient.recipient().e164()),
            column("sender_kind", "senderKind", "text", recipient -> recipient.sender().kind().name()),
            column("sender_value", "senderValue", "text", recipient -> recipient.sender().value())));

    /** A recipient taken from the queue, with its place in it. */
    private record Taken(long queueSeq, QueuedRecipient recipient) {}

    private static final RowMapper<Taken> TAKEN = (rs, ctx) -> new Taken(rs.getLong("queue_seq"),
            new QueuedRecipient(new BroadcastId(rs.getObject("broadcast_id", UUID.class)),
                    new PhoneNumber(rs.getString("recipient")), sender(rs)));

    private static final String RECIPIENT_COLUMNS = "queue_seq, broadcast_id, recipient, sender_kind, sender_value";

    @Override
    public void queueBroadcastRecipients(List<QueuedRecipient> recipients) {
        // PostgreSQL: one INSERT ... SELECT FROM unnest(...) ordered by each row's position in the
        // arrays, so that queue_seq follows the recipients' order (the queue tests check it on a
        // large batch). H2: one batch, in order.
        writeAll("queue broadcast recipients", RECIPIENT_ROW, true, recipients);
    }

    /** PostgreSQL's take from the front of the queue, in one statement (see takeQueuedRecipients). */
    static final String TAKE_QUEUED_RECIPIENTS = "DELETE FROM broadcast_recipients WHERE account_id = :account"
            + " AND queue_seq = ANY (ARRAY(SELECT queue_seq FROM broadcast_recipients"
            + " WHERE account_id = :account ORDER BY queue_seq LIMIT :limit FOR UPDATE SKIP LOCKED))"
            + " RETURNING " + RECIPIENT_COLUMNS;

    @Override
    public List<QueuedRecipient> takeQueuedRecipients(int limit) {
        List<Taken> taken;
        if (setBased) {
            // One statement: the sub-select locks the front of the queue, skipping what other
            // dispatchers hold, and the DELETE removes exactly those rows. As an ARRAY(...) it runs
            // once, before the delete (a join's inner side could be scanned again and exceed the
            // limit), and the delete finds its rows by primary key: joined to a CTE instead, it
            // hashed the account's whole queue for every take (9 ms for 500 of 50,000).
            taken = new ArrayList<>(run("take queued broadcast recipients", () -> handle
                    .createQuery(TAKE_QUEUED_RECIPIENTS)
                    .bind("account", account)
                    .bind("limit", limit)
                    .map(TAKEN)
                    .list()));
            taken.sort(Comparator.comparingLong(Taken::queueSeq)); // RETURNING follows no order
        } else {
            // H2 has no DELETE ... RETURNING: lock the front, then delete what was locked
            taken = run("take queued broadcast recipients", () -> handle
                    .createQuery("SELECT " + RECIPIENT_COLUMNS + " FROM broadcast_recipients"
                            + " WHERE account_id = :account ORDER BY queue_seq LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .bind("account", account)
                    .bind("limit", limit)
                    .map(TAKEN)
                    .list());
            if (!taken.isEmpty()) {
                run("take queued broadcast recipients", () -> handle
                        .createUpdate("DELETE FROM broadcast_recipients WHERE account_id = :account"
                                + " AND queue_seq IN (<keys>)")
                        .bind("account", account)
                        .bindList("keys", taken.stream().map(Taken::queueSeq).toList())
                        .execute());
            }
        }
        return taken.stream().map(Taken::recipient).toList();
    }

    @Override
    public long countQueuedRecipients(BroadcastId id) {
        return run("count queued broadcast recipients", () -> handle
                .createQuery("SELECT COUNT(*) FROM broadcast_recipients"
                        + " WHERE account_id = :account AND broadcast_id = :broadcast")
                .bind("account", account)
                .bind("broadcast", id.value())
                .mapTo(Long.class)
                .one());
    }

    @Override
    public void appendBroadcastSkips(BroadcastId id, List<BroadcastSkip> skips) {
        if (skips.isEmpty()) {
            return;
        }
        run("append broadcast skips", () -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO broadcast_skips (account_id, broadcast_id,"
                    + " recipient, reason) VALUES (:account, :broadcast, :recipient, :reason)");
            for (BroadcastSkip skip : skips) {
                batch.bind("account", account)
                        .bind("broadcast", id.value())
                        .bind("recipient", skip.recipient())
                        .bind("reason", skip.reason().name())
                        .add();
            }
            return batch.execute();
        });
    }

    @Override
    public List<BroadcastSkip> listBroadcastSkips(BroadcastId id) {
        return run("list broadcast skips", () -> handle
                .createQuery("SELECT recipient, reason FROM broadcast_skips"
                        + " WHERE account_id = :account AND broadcast_id = :broadcast ORDER BY skip_seq")
                .bind("account", account)
                .bind("broadcast", id.value())
                .map((rs, ctx) -> new BroadcastSkip(rs.getString("recipient"), SkipReason.valueOf(rs.getString("reason"))))
                .list());
    }

    @Override
    public Map<MessageStatus, Long> countOutboxEntriesByStatus(BroadcastId id) {
        return run("count broadcast progress", () -> {
            Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
            handle.createQuery("SELECT status, COUNT(*) FROM outbox_entries"
                            + " WHERE account_id = :account AND broadcast_id = :broadcast GROUP BY status")
                    .bind("account", account)
                    .bind("broadcast", id.value())
                    .map((rs, ctx) -> Map.entry(MessageStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    // ----- retention --------------------------------------------------------------------------

    @Override
    public List<Message> listPurgeableMessages(Instant createdBefore, int limit) {
        return run("list purgeable messages", () -> handle
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE account_id = :account"
                        + " AND created_at < :before AND status NOT IN ('QUEUED', 'SCHEDULED', 'SENDING')"
                        + " ORDER BY created_at, message_id LIMIT :limit")
                .bind("account", account)
                .bind("before", time(createdBefore))
                .bind("limit", limit)
                .map(MESSAGE)
                .list());
    }

    @Override
    public int deleteMessages(ConversationId conversation, Collection<MessageId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<UUID> values = ids.stream().map(MessageId::value).distinct().toList();
        return run("delete messages", () -> {
            handle.createUpdate("DELETE FROM outbox_entries WHERE account_id = :account"
                            + " AND conversation_id = :conversation AND message_id IN (<ids>)")
                    .bind("account", account)
                    .bind("conversation", conversation.value())
                    .bindList("ids", values)
                    .execute();
            return handle.createUpdate("DELETE FROM messages WHERE account_id = :account"
                            + " AND conversation_id = :conversation AND message_id IN (<ids>)")
                    .bind("account", account)
                    .bind("conversation", conversation.value())
                    .bindList("ids", values)
                    .execute();
        });
    }

    @Override
    public boolean hasMessages(ConversationId conversation) {
        return run("check for messages", () -> handle
                .createQuery("SELECT 1 FROM messages WHERE account_id = :account AND conversation_id = :conversation"
                        + " LIMIT 1")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    @Override
    public void deleteConversation(ConversationId conversation) {
        run("delete conversation", () -> handle
                .createUpdate("DELETE FROM conversations WHERE account_id = :account AND conversation_id = :conversation")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    @Override
    public int deleteSupersededOptOutRecords(Instant recordedBefore, int limit) {
        // a number's latest record decides whether it may be sent to: only older ones go
        return run("delete superseded opt-out records", () -> handle
                .createUpdate("DELETE FROM opt_out_records WHERE account_id = :account AND record_seq IN ("
                        + "SELECT r.record_seq FROM opt_out_records r WHERE r.account_id = :account"
                        + " AND r.recorded_at < :before AND EXISTS (SELECT 1 FROM opt_out_records n"
                        + " WHERE n.account_id = :account AND n.phone_e164 = r.phone_e164"
                        + " AND n.record_seq > r.record_seq) ORDER BY r.record_seq LIMIT :limit)")
                .bind("account", account)
                .bind("before", time(recordedBefore))
                .bind("limit", limit)
                .execute());
    }

    @Override
    public int deleteAssignmentHistory(ConversationId conversation) {
        return run("delete assignment history", () -> handle
                .createUpdate("DELETE FROM assignment_changes WHERE account_id = :account"
                        + " AND conversation_id = :conversation")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    // ----- encodings --------------------------------------------------------------------------

    /** The sender of an outbox entry's or a queued recipient's row (sender_kind, sender_value). */
    static Sender sender(ResultSet rs) throws SQLException {
        return new Sender(SenderKind.valueOf(rs.getString("sender_kind")), rs.getString("sender_value"));
    }

    static String writeMedia(List<OutboundMedia> media) {
        List<Object> json = new ArrayList<>();
        for (OutboundMedia item : media) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("contentType", item.contentType());
            if (item instanceof OutboundMedia.Inline inline) {
                map.put("content", Base64.getEncoder().encodeToString(inline.content()));
            } else {
                OutboundMedia.Hosted hosted = (OutboundMedia.Hosted) item;
                map.put("url", hosted.url().toString());
                map.put("sizeBytes", hosted.sizeBytes());
            }
            json.add(map);
        }
        return Json.write(json);
    }

    static List<OutboundMedia> readMedia(String text) {
        List<OutboundMedia> media = new ArrayList<>();
        for (Object item : (List<?>) Json.parse(text)) {
            Map<?, ?> map = (Map<?, ?>) item;
            String contentType = (String) map.get("contentType");
            if (map.get("content") instanceof String content) {
                media.add(OutboundMedia.inline(contentType, Base64.getDecoder().decode(content)));
            } else {
                media.add(OutboundMedia.hosted(contentType, URI.create((String) map.get("url")),
                        Json.decimal((Number) map.get("sizeBytes")).intValueExact()));
            }
        }
        return media;
    }

    static String writeShiftTables(List<ShiftTable> tables) {
        return Json.write(tables.stream().map(ShiftTable::name).toList());
    }

    /** A row written before the column existed has none; the dispatcher recounts a GSM-7 text's tables at claim. */
    static List<ShiftTable> readShiftTables(String text) {
        if (text == null) {
            return List.of();
        }
        List<ShiftTable> tables = new ArrayList<>();
        for (Object name : (List<?>) Json.parse(text)) {
            tables.add(ShiftTable.valueOf((String) name));
        }
        return tables;
    }

    static String writeFailure(SendFailure failure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reason", failure.reason().name());
        failure.carrierReason().ifPresent(reason -> json.put("carrierReason", reason.name()));
        json.put("carrierCode", failure.carrierCode());
        json.put("detail", failure.detail());
        return Json.write(json);
    }

    static SendFailure readFailure(String text) {
        Map<?, ?> json = (Map<?, ?>) Json.parse(text);
        var builder = SendFailure.builder()
                .reason(FailureReason.valueOf((String) json.get("reason")))
                .carrierCode((String) json.get("carrierCode"))
                .detail((String) json.get("detail"));
        if (json.get("carrierReason") instanceof String reason) {
            builder.carrierReason(PermanentReason.valueOf(reason));
        }
        return builder.build();
    }

}
