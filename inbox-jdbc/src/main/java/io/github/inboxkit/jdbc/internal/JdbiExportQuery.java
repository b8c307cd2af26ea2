package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.export.ExportCursor;
import io.github.inboxkit.core.export.ExportedMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.store.ExportQuery;
import io.github.inboxkit.core.store.ExportRows;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Query;

/**
 * The export's read model on the SQL schema (F39): one keyset page of the account's messages, read
 * only, in the order (created_at, message_id): a range of the index on (account_id, created_at,
 * message_id) from the cursor on, never an offset; the contacts' names through the transaction's
 * contacts port, one look-up per page.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiExportQuery extends JdbiRows implements ExportRows {

    private static final String COLUMNS = Arrays.stream(JdbiMessageRows.MESSAGE_COLUMNS.split(","))
            .map(column -> "m." + column.strip())
            .collect(Collectors.joining(", "));

    private final JdbiStoreTransaction tx;

    JdbiExportQuery(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    @Override
    public List<ExportedMessage> readExportPage(ExportQuery query) {
        // the cursor's time raises the range's start, so that the index range begins at the cursor
        Instant lower = query.after().map(ExportCursor::createdAt)
                .filter(at -> at.isAfter(query.from()))
                .orElse(query.from());
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM messages m"
                + " WHERE m.account_id = :account AND m.created_at >= :lower AND m.created_at < :to"
                + " AND m.created_at >= :from");
        query.contact().ifPresent(phone -> sql.append(" AND m.phone_e164 = :phone"));
        // read only: the conversations that carry the label (F35), by the label table's key
        query.label().ifPresent(label -> sql.append(" AND EXISTS (SELECT 1 FROM conversation_labels cl"
                + " WHERE cl.account_id = m.account_id AND cl.conversation_id = m.conversation_id"
                + " AND cl.label_id = :label)"));
        query.after().ifPresent(cursor -> sql.append(
                " AND (m.created_at > :afterAt OR (m.created_at = :afterAt AND m.message_id > :afterId))"));
        // account_id leads the ORDER BY as it leads the index, so that H2 too reads the index in order
        sql.append(" ORDER BY m.account_id, m.created_at, m.message_id LIMIT :limit");
        List<Message> messages = run("read export page", () -> {
            Query statement = handle().createQuery(sql.toString())
                    .bind("account", account)
                    .bind("lower", time(lower))
                    .bind("from", time(query.from()))
                    .bind("to", time(query.to()))
                    .bind("limit", query.limit());
            query.contact().ifPresent(phone -> statement.bind("phone", phone.e164()));
            query.label().ifPresent(label -> statement.bind("label", label.value()));
            query.after().ifPresent(cursor -> statement
                    .bind("afterAt", time(cursor.createdAt()))
                    .bind("afterId", cursor.messageId().value()));
            return statement.map(JdbiMessageRows.MESSAGE).list();
        });
        return ExportRows.withContactNames(messages, tx.contacts());
    }
}
