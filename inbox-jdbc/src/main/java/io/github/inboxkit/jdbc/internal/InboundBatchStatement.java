package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several inbound messages of one account in one statement that commits itself (the group commit
 * of {@link InboundBatcher}): {@link InboundAppendStatement}'s statement over arrays, each message
 * a row of its input, with the same rules row by row. The messages of a batch have distinct
 * numbers and distinct carrier ids (the batcher sees to it): an upsert may change a row once per
 * statement, and two messages with one carrier id would fail the whole batch on its unique key.
 *
 * <p>What differs from one message at a time:
 *
 * <ul>
 *   <li>The threads are locked in the order of their numbers, as every statement that locks several
 *       threads does, so that two batches (on two nodes) cannot deadlock; a deadlock with another
 *       writer is a conflict, and every message of the batch is received again.
 *   <li>A thread is appended to if its last activity is within the latest window start of the
 *       batch; one older by less than the batch's spread (milliseconds) takes the general path, as
 *       a stale thread does.
 *   <li>The counters move once, by the sum of the batch's changes; every appended message reads the
 *       counters after the whole batch.
 *   <li>A repeat of a message stored before fails the statement on the message's unique key, and
 *       nothing of the batch is written: the batcher then sends each message alone, and the
 *       repeat's statement leaves it to the engine's general path. Any other failure (a deadlock,
 *       a lost connection) fails every message of the batch; the engine receives each again.
 * </ul>
 */
final class InboundBatchStatement {

    private InboundBatchStatement() {}

    /**
     * The input's columns: for each parameter of one message's statement ({@link
     * InboundAppendStatement#messageValues}), an array of text named after it ({@code :phone}:
     * {@code :phoneArray}), cast to the column's type; and each message's position.
     */
    static final String SQL = "WITH input AS (SELECT * FROM unnest(CAST(:ordArray AS int[]),"
            + " CAST(:carrierIdArray AS text[]), CAST(:phoneArray AS text[]), CAST(:digitsArray AS text[]),"
            + " CAST(:conversationArray AS uuid[]), CAST(:messageArray AS uuid[]), CAST(:nowArray AS timestamptz[]),"
            + " CAST(:previewArray AS text[]), CAST(:bodyArray AS text[]), CAST(:bodyLowerArray AS text[]),"
            + " CAST(:mediaArray AS text[]), CAST(:senderIdArray AS text[]),"
            + " CAST(:carrierReceivedAtArray AS timestamptz[]), CAST(:textRepairsArray AS smallint[]))"
            + " AS i(input_ord, carrier_id, phone, digits, conversation_id, message_id, now, preview, body, body_lower,"
            + " media, sender_id, carrier_received_at, text_repairs)),"
            + " thread AS (INSERT INTO conversations (account_id, conversation_id, phone_e164, phone_digits, state,"
            + " assignee_id, unread_count, has_unread, last_activity_at, preview, last_message_sequence, created_at)"
            + " SELECT :account, i.conversation_id, i.phone, i.digits, 'OPEN', NULL, 1, TRUE, i.now, i.preview, 1, i.now"
            // a blocked sender (F38) is the general path's
            + " FROM input i WHERE NOT EXISTS (SELECT 1 FROM blocked_numbers b WHERE b.account_id = :account"
            + " AND b.phone_e164 = i.phone)"
            + " ORDER BY i.phone"
            + " ON CONFLICT (account_id, phone_e164) DO UPDATE SET unread_count = conversations.unread_count + 1,"
            + " has_unread = TRUE, last_activity_at = GREATEST(conversations.last_activity_at, EXCLUDED.last_activity_at),"
            + " preview = EXCLUDED.preview, last_message_sequence = conversations.last_message_sequence + 1"
            + " WHERE conversations.state = 'OPEN' AND conversations.snoozed = FALSE"
            + " AND conversations.last_activity_at >= CAST(:windowStart AS timestamptz)"
            + " RETURNING " + JdbiConversationRows.COLUMNS + "),"
            + " appended AS (SELECT t.*, i.input_ord, t.conversation_id = i.conversation_id AS started"
            + " FROM thread t JOIN input i ON i.phone = t.phone_e164),"
            + " stored AS (INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164,"
            + " direction, body, body_lower, media, sender_id, carrier_message_id, status, is_read,"
            + " carrier_received_at, created_at, text_repairs)"
            + " SELECT :account, i.message_id, a.conversation_id, a.last_message_sequence, i.phone,"
            + " 'INBOUND', i.body, i.body_lower, i.media, i.sender_id, i.carrier_id, 'RECEIVED', FALSE,"
            + " i.carrier_received_at, i.now, i.text_repairs"
            + " FROM appended a JOIN input i ON i.input_ord = a.input_ord),"
            + " counted AS (INSERT INTO account_counters AS k (account_id, open_conversations, closed_conversations,"
            + " unread_conversations) SELECT :account, count(*) FILTER (WHERE a.started), 0,"
            + " count(*) FILTER (WHERE a.unread_count = 1) FROM appended a"
            + " HAVING count(*) FILTER (WHERE a.started OR a.unread_count = 1) > 0"
            + " ON CONFLICT (account_id) DO UPDATE SET"
            + " open_conversations = k.open_conversations + EXCLUDED.open_conversations,"
            + " unread_conversations = k.unread_conversations + EXCLUDED.unread_conversations"
            + " RETURNING k.open_conversations, k.closed_conversations, k.unread_conversations)"
            // one row per input, in InboundAppendStatement's layout: the thread appended to; none
            // for a message the general path takes
            + " SELECT " + InboundAppendStatement.threadOut(column -> "a." + column)
            + ", a.started, " + InboundAppendStatement.COUNTERS_OUT + ", i.input_ord"
            + " FROM input i LEFT JOIN appended a ON a.input_ord = i.input_ord"
            + " LEFT JOIN counted k ON a.input_ord IS NOT NULL"
            + InboundAppendStatement.UNMOVED_COUNTERS + " AND a.input_ord IS NOT NULL";

    private static final NamedSql STATEMENT = NamedSql.of(SQL);

    /**
     * Appends the messages in one statement on the transaction's connection.
     *
     * @param tx a transaction that has written nothing (its own message's)
     * @param appends the messages, of distinct numbers and carrier ids
     * @return what was done for each, in their order; null if one of them repeats a message stored
     *     before (the statement then wrote nothing)
     */
    static List<InboundAppendResult> appendAll(JdbiStoreTransaction tx, List<InboundAppend> appends) {
        int size = appends.size();
        List<Object[]> rows = new ArrayList<>(size);
        String[] ords = new String[size];
        for (int i = 0; i < size; i++) {
            rows.add(InboundAppendStatement.messageValues(appends.get(i)));
            ords[i] = Integer.toString(i);
        }
        Map<String, Object> values = new HashMap<>(32);
        values.put("account", tx.account);
        values.put("ordArray", ords);
        List<String> names = InboundAppendStatement.MESSAGE_NAMES;
        for (int name = 0; name < names.size(); name++) {
            String[] column = new String[size];
            for (int i = 0; i < size; i++) {
                Object value = rows.get(i)[name];
                column[i] = value == null ? null : value.toString();
            }
            values.put(names.get(name) + "Array", column);
        }
        // the latest window start of the batch: a thread older than it goes the general path
        values.put("windowStart", JdbiRows.isoText(appends.stream().map(InboundAppend::windowStart)
                .max(Comparator.naturalOrder()).orElseThrow()));
        return InboundAppendStatement.inAutocommit(tx, "append inbound messages", connection -> {
            List<InboundAppendResult> results = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                results.add(null);
            }
            try (PreparedStatement statement = STATEMENT.prepare(connection, values);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int ord = rs.getInt("input_ord");
                    results.set(ord, InboundAppendStatement.result(appends.get(ord), rs));
                }
            } catch (SQLException e) {
                if (InboundAppendStatement.isRepeat(e)) {
                    return null; // a repeat among them: nothing was written, each goes alone
                }
                throw e;
            }
            for (int i = 0; i < size; i++) {
                if (results.get(i) == null) {
                    throw new IllegalStateException("the batch statement returned no row for message " + i);
                }
            }
            return results;
        });
    }
}
