package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.RowColumns.column;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.sender;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.writeMedia;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.readMedia;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.writeShiftTables;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.readShiftTables;

import io.github.inboxkit.core.store.OutboxRows;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QuietHoursHold;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.QuietHoursReason;
import io.github.inboxkit.core.sending.ScheduledTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The outbox (architecture invariant 3) on the SQL schema: the statements of {@code outbox_entries}
 * only, every one filtered by the transaction's account, which leads every key and index
 * (architecture invariant 6), so that an id of another account reads as a missing row. One of the
 * ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiOutboxRows extends JdbiRows implements OutboxRows {

    private final JdbiStoreTransaction tx;

    JdbiOutboxRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    static final String ENTRY_COLUMNS = "message_id, conversation_id, recipient, status, carrier_id,"
            + " sender_kind, sender_value, body, media, segment_count, encoding, shift_tables, attempts, due_at,"
            + " scheduled_at, scheduled_zone, lease_until, carrier_message_id, failure, broadcast_id, created_at, updated_at,"
            + " category, held_reason, held_at, held_until";

    /**
     * SCHEDULED; the first two terms, implied by it (an entry is scheduled for a time and pending),
     * are the scheduled indexes' predicate on PostgreSQL (V6).
     */
    static final String SCHEDULED = "pending AND scheduled_at IS NOT NULL AND status = 'SCHEDULED'";

    /** Claimable at :now, as {@link OutboxEntry#isClaimable} says. */
    static final String CLAIMABLE = "pending = TRUE AND due_at <= :now"
            + " AND (status <> 'SENDING' OR lease_until IS NULL OR lease_until <= :now)";

    static final RowMapper<OutboxEntry> ENTRY = (rs, ctx) -> {
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
                .failure(Optional.ofNullable(rs.getString("failure")).map(OutboxCodecs::readFailure))
                .broadcastId(Optional.ofNullable(rs.getObject("broadcast_id", UUID.class)).map(BroadcastId::new))
                .createdAt(instant(rs, "created_at"))
                .updatedAt(instant(rs, "updated_at"))
                .category(Optional.ofNullable(rs.getString("category")).map(MessageCategory::valueOf)
                        .orElse(MessageCategory.CONVERSATIONAL));
        String heldReason = rs.getString("held_reason");
        if (heldReason != null) {
            builder.hold(new QuietHoursHold(QuietHoursReason.valueOf(heldReason), instant(rs, "held_until"),
                    instant(rs, "held_at")));
        }
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
                    entry -> entry.leaseUntil().map(JdbiRows::time).orElse(null)),
            column("carrier_message_id", "carrierMessageId", "text", entry -> entry.carrierMessageId().orElse(null)),
            column("failure", "failure", "text", entry -> entry.failure().map(OutboxCodecs::writeFailure)
                    .orElse(null)),
            column("broadcast_id", "broadcast", "uuid", entry -> entry.broadcastId().map(BroadcastId::value)
                    .orElse(null)),
            column("created_at", "createdAt", "timestamptz", entry -> time(entry.createdAt())),
            column("updated_at", "updatedAt", "timestamptz", entry -> time(entry.updatedAt())),
            column("category", "category", "text", entry -> entry.category().name()),
            column("held_reason", "heldReason", "text", entry -> entry.hold().map(h -> h.reason().name()).orElse(null)),
            column("held_at", "heldAt", "timestamptz", entry -> entry.hold().map(h -> time(h.heldAt())).orElse(null)),
            column("held_until", "heldUntil", "timestamptz",
                    entry -> entry.hold().map(h -> time(h.releaseAt())).orElse(null))));

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

    /** What a delivery changes of an outbox row: the columns after the content. */
    static final RowColumns<OutboxEntry> ENTRY_STATE = ENTRY_ROW.only(List.of("status",
            "pending", "attempts", "due_at", "lease_until", "carrier_message_id", "failure", "updated_at", "held_reason",
            "held_at", "held_until"));

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
        return run("read outbox entry", () -> handle()
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries"
                        + " WHERE account_id = :account AND message_id = :message" + lock)
                .bind("account", account)
                .bind("message", id.value())
                .map(ENTRY)
                .findOne());
    }

    @Override
    public Optional<OutboxEntry> lockOutboxEntryByCarrierId(String carrierId, String carrierMessageId) {
        tx.lockCarrierMessageIds(carrierId, List.of(carrierMessageId));
        return run("lock outbox entry by carrier id", () -> handle()
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
        return run("claim outbox entries", () -> handle()
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account AND "
                        + CLAIMABLE + " ORDER BY due_at, message_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("account", account)
                .bind("now", time(now))
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public List<OutboxEntry> listScheduledOutboxEntries(int limit) {
        return run("list scheduled messages", () -> handle()
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account"
                        + " AND " + SCHEDULED + " ORDER BY due_at, message_id LIMIT :limit")
                .bind("account", account)
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public List<OutboxEntry> listScheduledOutboxEntries(ConversationId conversation, int limit) {
        return run("list scheduled messages", () -> handle()
                .createQuery("SELECT " + ENTRY_COLUMNS + " FROM outbox_entries WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND " + SCHEDULED
                        + " ORDER BY due_at, message_id LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }

    @Override
    public void updateOutboxEntryStates(List<OutboxEntry> entries) {
        writeAll("record outbox entries", ENTRY_STATE, false, entries);
    }

    @Override
    public int deleteOutboxEntries(ConversationId conversation, Collection<MessageId> ids) {
        return deleteByMessageIds("delete outbox entries", "DELETE FROM outbox_entries", conversation, ids);
    }

    @Override
    public Map<MessageStatus, Long> countOutboxEntriesByStatus(BroadcastId id) {
        return run("count broadcast progress", () -> {
            Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
            handle().createQuery("SELECT status, COUNT(*) FROM outbox_entries"
                            + " WHERE account_id = :account AND broadcast_id = :broadcast GROUP BY status")
                    .bind("account", account)
                    .bind("broadcast", id.value())
                    .map((rs, ctx) -> Map.entry(MessageStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }
}
