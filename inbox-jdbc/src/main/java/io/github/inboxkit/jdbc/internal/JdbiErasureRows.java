package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.erasure.ErasureActor;
import io.github.inboxkit.core.erasure.ErasureCounts;
import io.github.inboxkit.core.erasure.ErasureId;
import io.github.inboxkit.core.erasure.ErasureRecord;
import io.github.inboxkit.core.store.ErasureRows;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * What survives an erasure (F40) on the SQL schema: the statements of {@code erasure_keys}, {@code
 * erasure_records} and {@code erased_opt_outs} only, every one filtered by the transaction's
 * account, which leads every key and index (architecture invariant 6). One of the ports a {@link
 * JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiErasureRows extends JdbiRows implements ErasureRows {

    private static final String COUNT_COLUMNS = "messages, conversations, assignment_changes, outbox_entries,"
            + " in_flight_sends, contacts, opt_out_records, broadcast_recipients, broadcast_skips, idempotency_keys,"
            + " delivery_reports, batches";

    private static final String RECORD_COLUMNS = "erasure_id, number_hash, requested_by, requested_at, completed_at, "
            + COUNT_COLUMNS;

    private static final RowMapper<ErasureRecord> RECORD = (rs, ctx) -> ErasureRecord.builder()
            .id(new ErasureId(rs.getObject("erasure_id", UUID.class)))
            .numberHash(rs.getString("number_hash"))
            .requestedBy(ErasureActor.fromText(rs.getString("requested_by")))
            .requestedAt(instant(rs, "requested_at"))
            .completedAt(Optional.ofNullable(nullableInstant(rs, "completed_at")))
            .counts(new ErasureCounts(rs.getLong("messages"), rs.getLong("conversations"),
                    rs.getLong("assignment_changes"), rs.getLong("outbox_entries"), rs.getLong("in_flight_sends"),
                    rs.getLong("contacts"), rs.getLong("opt_out_records"), rs.getLong("broadcast_recipients"),
                    rs.getLong("broadcast_skips"), rs.getLong("idempotency_keys"), rs.getLong("delivery_reports"),
                    rs.getLong("batches")))
            .build();

    JdbiErasureRows(JdbiStoreTransaction tx) {
        super(tx);
    }

    @Override
    public Optional<String> findNumberHashKey() {
        return run("read number hash key", () -> handle()
                .createQuery("SELECT hash_key FROM erasure_keys WHERE account_id = :account")
                .bind("account", account)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void insertNumberHashKey(String key, Instant createdAt) {
        run("keep number hash key", () -> handle()
                .createUpdate("INSERT INTO erasure_keys (account_id, hash_key, created_at) VALUES (:account, :key, :at)")
                .bind("account", account)
                .bind("key", key)
                .bind("at", time(createdAt))
                .execute());
    }

    @Override
    public Set<String> findErasedOptOuts(Collection<String> numberHashes) {
        if (numberHashes.isEmpty()) {
            return Set.of();
        }
        return run("read erased opt-outs", () -> new HashSet<>(handle()
                .createQuery("SELECT number_hash FROM erased_opt_outs WHERE account_id = :account"
                        + " AND number_hash IN (<hashes>)")
                .bind("account", account)
                .bindList("hashes", List.copyOf(Set.copyOf(numberHashes)))
                .mapTo(String.class)
                .list()));
    }

    @Override
    public void putErasedOptOut(String numberHash, Instant since) {
        deleteErasedOptOut(numberHash);
        run("keep erased opt-out", () -> handle()
                .createUpdate("INSERT INTO erased_opt_outs (account_id, number_hash, since) VALUES (:account, :hash, :since)")
                .bind("account", account)
                .bind("hash", numberHash)
                .bind("since", time(since))
                .execute());
    }

    @Override
    public boolean deleteErasedOptOut(String numberHash) {
        return run("delete erased opt-out", () -> handle()
                .createUpdate("DELETE FROM erased_opt_outs WHERE account_id = :account AND number_hash = :hash")
                .bind("account", account)
                .bind("hash", numberHash)
                .execute()) > 0;
    }

    @Override
    public void insertErasureRecord(ErasureRecord record) {
        run("keep erasure record", () -> bindRecord(handle().createUpdate("INSERT INTO erasure_records (account_id, "
                + RECORD_COLUMNS + ") VALUES (:account, :id, :hash, :requestedBy, :requestedAt, :completedAt,"
                + " :messages, :conversations, :assignmentChanges, :outboxEntries, :inFlightSends, :contacts,"
                + " :optOutRecords, :broadcastRecipients, :broadcastSkips, :idempotencyKeys, :deliveryReports,"
                + " :batches)"), record)
                .bind("hash", record.numberHash())
                .bind("requestedBy", record.requestedBy().asText())
                .bind("requestedAt", time(record.requestedAt()))
                .execute());
    }

    @Override
    public Optional<ErasureRecord> findErasureRecord(ErasureId id) {
        return run("read erasure record", () -> handle()
                .createQuery("SELECT " + RECORD_COLUMNS + " FROM erasure_records"
                        + " WHERE account_id = :account AND erasure_id = :id")
                .bind("account", account)
                .bind("id", id.value())
                .map(RECORD)
                .findOne());
    }

    @Override
    public void updateErasureRecord(ErasureRecord record) {
        run("update erasure record", () -> bindRecord(handle().createUpdate("UPDATE erasure_records SET"
                + " completed_at = :completedAt, messages = :messages, conversations = :conversations,"
                + " assignment_changes = :assignmentChanges, outbox_entries = :outboxEntries,"
                + " in_flight_sends = :inFlightSends, contacts = :contacts, opt_out_records = :optOutRecords,"
                + " broadcast_recipients = :broadcastRecipients, broadcast_skips = :broadcastSkips,"
                + " idempotency_keys = :idempotencyKeys, delivery_reports = :deliveryReports, batches = :batches"
                + " WHERE account_id = :account AND erasure_id = :id"), record)
                .execute());
    }

    @Override
    public List<ErasureRecord> listErasureRecords(String numberHash) {
        return run("list erasure records", () -> handle()
                .createQuery("SELECT " + RECORD_COLUMNS + " FROM erasure_records"
                        + " WHERE account_id = :account AND number_hash = :hash ORDER BY requested_at, erasure_id")
                .bind("account", account)
                .bind("hash", numberHash)
                .map(RECORD)
                .list());
    }

    /** Binds the account, the id, the completion time and the counts: what an insert and an update share. */
    private Update bindRecord(Update update, ErasureRecord record) {
        ErasureCounts counts = record.counts();
        return update.bind("account", account)
                .bind("id", record.id().value())
                .bindByType("completedAt", record.completedAt().map(JdbiRows::time).orElse(null), OffsetDateTime.class)
                .bind("messages", counts.messages())
                .bind("conversations", counts.conversations())
                .bind("assignmentChanges", counts.assignmentChanges())
                .bind("outboxEntries", counts.outboxEntries())
                .bind("inFlightSends", counts.inFlightSends())
                .bind("contacts", counts.contacts())
                .bind("optOutRecords", counts.optOutRecords())
                .bind("broadcastRecipients", counts.broadcastRecipients())
                .bind("broadcastSkips", counts.broadcastSkips())
                .bind("idempotencyKeys", counts.idempotencyKeys())
                .bind("deliveryReports", counts.deliveryReports())
                .bind("batches", counts.batches());
    }
}
