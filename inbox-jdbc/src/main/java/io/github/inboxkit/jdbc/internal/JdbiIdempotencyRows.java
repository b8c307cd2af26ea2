package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.store.IdempotencyRows;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The idempotency keys' rows (F46, table {@code idempotency_keys} of V8) on the SQL schema: one of
 * the ports a {@link JdbiStoreTransaction} hands out. Every statement filters by the transaction's
 * account, which leads the primary key and the expiry index.
 *
 * <p>Not thread-safe: one transaction, one thread.
 */
final class JdbiIdempotencyRows extends JdbiRows implements IdempotencyRows {

    private static final String COLUMNS = "idempotency_key, request_hash, message_id, broadcast_id, recipients_total,"
            + " recipients_done, recipients_queued, created_at, expires_at";

    private static final RowMapper<IdempotencyRecord> RECORD = (rs, ctx) -> IdempotencyRecord.builder()
            .key(IdempotencyKey.of(rs.getString("idempotency_key")))
            .requestHash(rs.getString("request_hash"))
            .messageId(Optional.ofNullable(rs.getObject("message_id", UUID.class)).map(MessageId::new))
            .broadcastId(Optional.ofNullable(rs.getObject("broadcast_id", UUID.class)).map(BroadcastId::new))
            .recipientsTotal(rs.getInt("recipients_total"))
            .recipientsDone(rs.getInt("recipients_done"))
            .recipientsQueued(rs.getInt("recipients_queued"))
            .createdAt(instant(rs, "created_at"))
            .expiresAt(instant(rs, "expires_at"))
            .build();

    JdbiIdempotencyRows(JdbiStoreTransaction tx) {
        super(tx);
    }

    @Override
    public Optional<IdempotencyRecord> lockIdempotencyRecord(IdempotencyKey key) {
        return run("lock idempotency key", () -> handle()
                .createQuery("SELECT " + COLUMNS + " FROM idempotency_keys WHERE account_id = :account"
                        + " AND idempotency_key = :key FOR UPDATE")
                .bind("account", account)
                .bind("key", key.value())
                .map(RECORD)
                .findOne());
    }

    @Override
    public void insertIdempotencyRecord(IdempotencyRecord record) {
        // a key taken by a concurrent transaction fails here (unique violation): a conflict, and
        // the engine runs the use case again
        run("insert idempotency key", () -> bindNullableUuid(bindNullableUuid(handle()
                .createUpdate("INSERT INTO idempotency_keys (account_id, " + COLUMNS + ") VALUES (:account, :key,"
                        + " :hash, :message, :broadcast, :total, :done, :queued, :createdAt, :expiresAt)"),
                        "message", record.messageId().map(MessageId::value)),
                        "broadcast", record.broadcastId().map(BroadcastId::value))
                .bind("account", account)
                .bind("key", record.key().value())
                .bind("hash", record.requestHash())
                .bind("total", record.recipientsTotal())
                .bind("done", record.recipientsDone())
                .bind("queued", record.recipientsQueued())
                .bind("createdAt", time(record.createdAt()))
                .bind("expiresAt", time(record.expiresAt()))
                .execute());
    }

    @Override
    public void updateIdempotencyRecord(IdempotencyRecord record) {
        int updated = run("record idempotency key progress", () -> handle()
                .createUpdate("UPDATE idempotency_keys SET recipients_done = :done, recipients_queued = :queued"
                        + " WHERE account_id = :account AND idempotency_key = :key")
                .bind("account", account)
                .bind("key", record.key().value())
                .bind("done", record.recipientsDone())
                .bind("queued", record.recipientsQueued())
                .execute());
        if (updated != 1) {
            throw new IllegalStateException("no such idempotency key in this account: update only what the"
                    + " transaction locked");
        }
    }

    @Override
    public void deleteIdempotencyRecord(IdempotencyKey key) {
        run("delete idempotency key", () -> handle()
                .createUpdate("DELETE FROM idempotency_keys WHERE account_id = :account AND idempotency_key = :key")
                .bind("account", account)
                .bind("key", key.value())
                .execute());
    }

    /**
     * A batch of the earliest expired keys, found in the expiry index, deleted by the primary key.
     * An incomplete broadcast's key holds until it is finished (see {@code IdempotencyRecord.holdsAt}).
     */
    static final String DELETE_EXPIRED = "DELETE FROM idempotency_keys WHERE account_id = :account"
            + " AND idempotency_key IN (SELECT k.idempotency_key FROM idempotency_keys k WHERE k.account_id = :account"
            + " AND k.expires_at <= :now AND k.recipients_done >= k.recipients_total ORDER BY k.expires_at LIMIT :limit)";

    @Override
    public int deleteExpiredIdempotencyRecords(Instant now, int limit) {
        return run("delete expired idempotency keys", () -> handle()
                .createUpdate(DELETE_EXPIRED)
                .bind("account", account)
                .bind("now", time(now))
                .bind("limit", limit)
                .execute());
    }

    @Override
    public int deleteIdempotencyRecords(Collection<MessageId> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        // no index on message_id: the account's keys are few and this runs once per erased batch
        return run("delete idempotency keys of messages", () -> handle()
                .createUpdate("DELETE FROM idempotency_keys WHERE account_id = :account AND message_id IN (<ids>)")
                .bind("account", account)
                .bindList("ids", messages.stream().map(MessageId::value).distinct().toList())
                .execute());
    }
}
