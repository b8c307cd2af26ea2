package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.SkipReason;
import io.github.inboxkit.core.store.BroadcastRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.readMedia;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.readShiftTables;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.sender;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.writeMedia;
import static io.github.inboxkit.jdbc.internal.OutboxCodecs.writeShiftTables;
import static io.github.inboxkit.jdbc.internal.RowColumns.column;

/**
 * Broadcasts (F19), their queued recipients and skips on the SQL schema: the statements of {@code
 * broadcasts}, {@code broadcast_recipients} and {@code broadcast_skips} only, every one filtered by
 * the transaction's account, which leads every key and index (architecture invariant 6), so that an
 * id of another account reads as a missing row. One of the ports a {@link JdbiStoreTransaction}
 * hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiBroadcastRows extends JdbiRows implements BroadcastRows {

    private final JdbiStoreTransaction tx;

    JdbiBroadcastRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    // ----- broadcasts -------------------------------------------------------------------------

    /**
     * What every copy of a broadcast carries, in the columns V5 added; null in a broadcast created
     * before.
     */
    private static final String CONTENT_COLUMNS =
            "body, media, segment_count, encoding, shift_tables, carrier_id, author_id, category";

    @Override
    public void insertBroadcast(Broadcast broadcast, BroadcastContent content) {
        run("insert broadcast", () -> handle()
                .createUpdate("INSERT INTO broadcasts (account_id, broadcast_id, name, requested_recipients, created_at, "
                        + CONTENT_COLUMNS + ") VALUES (:account, :broadcast, :name, :requested, :createdAt,"
                        + " :body, :media, :segments, :encoding, :shiftTables, :carrierId, :author, :category)")
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
                .bind("category", content.category().name())
                .execute());
    }

    @Override
    public Optional<Broadcast> findBroadcast(BroadcastId id) {
        return run("find broadcast", () -> handle()
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
        return run("find broadcast content", () -> handle()
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
                .category(Optional.ofNullable(rs.getString("category")).map(MessageCategory::valueOf)
                        .orElse(MessageCategory.MARKETING))
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
            taken = new ArrayList<>(run("take queued broadcast recipients", () -> handle()
                    .createQuery(TAKE_QUEUED_RECIPIENTS)
                    .bind("account", account)
                    .bind("limit", limit)
                    .map(TAKEN)
                    .list()));
            taken.sort(Comparator.comparingLong(Taken::queueSeq)); // RETURNING follows no order
        } else {
            // H2 has no DELETE ... RETURNING: lock the front, then delete what was locked
            taken = run("take queued broadcast recipients", () -> handle()
                    .createQuery("SELECT " + RECIPIENT_COLUMNS + " FROM broadcast_recipients"
                            + " WHERE account_id = :account ORDER BY queue_seq LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .bind("account", account)
                    .bind("limit", limit)
                    .map(TAKEN)
                    .list());
            if (!taken.isEmpty()) {
                run("take queued broadcast recipients", () -> handle()
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
        return run("count queued broadcast recipients", () -> handle()
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
            PreparedBatch batch = handle().prepareBatch("INSERT INTO broadcast_skips (account_id, broadcast_id,"
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
        return run("list broadcast skips", () -> handle()
                .createQuery("SELECT recipient, reason FROM broadcast_skips"
                        + " WHERE account_id = :account AND broadcast_id = :broadcast ORDER BY skip_seq")
                .bind("account", account)
                .bind("broadcast", id.value())
                .map((rs, ctx) -> new BroadcastSkip(rs.getString("recipient"), SkipReason.valueOf(rs.getString("reason"))))
                .list());
    }

    @Override
    public int deleteQueuedRecipients(PhoneNumber recipient) {
        return run("delete queued broadcast recipients", () -> handle()
                .createUpdate("DELETE FROM broadcast_recipients WHERE account_id = :account AND recipient = :recipient")
                .bind("account", account)
                .bind("recipient", recipient.e164())
                .execute());
    }

    @Override
    public int deleteBroadcastSkips(Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return 0;
        }
        // the recipient as the host typed it, without the separators people type
        return run("delete broadcast skips", () -> handle()
                .createUpdate("DELETE FROM broadcast_skips WHERE account_id = :account AND REPLACE(REPLACE(REPLACE("
                        + "REPLACE(REPLACE(recipient, ' ', ''), '-', ''), '.', ''), '(', ''), ')', '') IN (<recipients>)")
                .bind("account", account)
                .bindList("recipients", List.copyOf(recipients))
                .execute());
    }
}
