package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.jdbc.internal.JdbiConversationRows.TimeColumn;
import io.github.inboxkit.core.conversation.ImmutableMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Ingestion's common case on PostgreSQL in one statement ({@link
 * io.github.inboxkit.core.store.InboundAppending}): the thread's lock or start, the message, the
 * thread's update and the counters, one round trip plus the commit where the engine's general
 * path makes six; a repeat is found by the message's unique key, not looked up.
 *
 * <h2>How the statement keeps the rules under concurrency (read committed)</h2>
 *
 * <p>Its parts are data-modifying CTEs. All of them read the statement's one snapshot and none sees
 * what another writes; what ties them together is what each one returns, and the row locks.
 *
 * <ul>
 *   <li>{@code thread} starts the number's thread or, through {@code ON CONFLICT} on {@code
 *       conversations_phone_uk}, locks the existing one and appends to it. {@code ON CONFLICT DO
 *       UPDATE} works on the newest committed version of the row, also one inserted or changed by
 *       a transaction that committed after the snapshot (it waits for an open one), and evaluates
 *       its condition and its new values on that locked version: two receives starting one number's
 *       thread at once both succeed, one after the other, and the unread count and the sequence
 *       grow from the newest values. The condition keeps the common case: an OPEN thread, not
 *       snoozed, active within the retention window. A CLOSED thread (a reopening, with its event
 *       and counters), a snoozed one (a wake, with its event) or a stale one (which starts afresh) is locked but left unchanged; no row is returned, and the
 *       engine takes its general path in the same transaction. PostgreSQL 17 has no {@code
 *       RETURNING OLD}: "started" is whether the thread returned has the id proposed for a new one
 *       (a random UUID), and "had no unread message" is an unread count of 1 after.
 *   <li>{@code stored} inserts the message at the thread's new sequence. A repeat of a message
 *       stored before, or being stored by an open transaction (the insert waits for it), fails the
 *       insert on the unique key {@code messages_inbound_carrier_uk} with 23505, and with it the
 *       whole statement, which ran in autocommit: nothing of it is written, the thread's update
 *       included. The answer is then "not applied", and the engine's general path finds the repeat
 *       and returns it. A repeat never ends as a second message or a second count. (The statement
 *       once looked the carrier id up first; with an account the statistics did not know yet, the
 *       planner could read that look-up through the account's creation-time index, a scan of all
 *       its messages, 23 ms a receive on a scratch database: an insert's unique key leaves it no
 *       choice.)
 *   <li>{@code counted} moves the
 *       counters by what the thread's change implies, reading the thread's result, so the counters
 *       row is locked after the thread (the engine's lock order: conversations, then counters). It
 *       is an upsert on the counters' primary key too: it applies to the newest version of the row,
 *       and creates it for an account that has none (one created before the row existed, or
 *       imported). It writes only when the message moves a counter (a thread started, or one with
 *       no unread message before): a reply to a thread that has unread messages, the usual case in
 *       a busy inbox, moves none, and the statement then reads the row as of its snapshot, without
 *       locking it, for the event's badge. The account's receives then do not queue on the row:
 *       locked by every receive, it made them take turns for as long as each held it.
 * </ul>
 *
 * <h2>The commit in the same round trip</h2>
 *
 * <p>Every receive of an account moves its one counters row, whose lock is held until the commit:
 * with the commit sent after the statement's answer, each receive held it for a round trip, and
 * the account's receives queued behind one another for as long. The statement therefore runs in
 * auto-commit: the server commits it before it answers, and the lock is held only while the
 * server works. It is the transaction's first write (the engine calls it before any other), and
 * the driver, which sends its {@code BEGIN} with a transaction's first statement, has sent none, so
 * switching costs no round trip. After an append the transaction has ended and nothing may run in
 * it ({@link JdbiRows#endedByItsStatement}); after "not applied" nothing was written, and the
 * engine's general path runs in a transaction of its own.
 *
 * <p>Only unique keys find rows, as arbiters, which no planner choice can replace by a scan of an
 * account's rows (with an {@code account_id} the statistics do not know yet, every index led by it
 * looks as good as the unique one): the thread through {@code conversations_phone_uk}, the repeat
 * through {@code messages_inbound_carrier_uk}, the counters through their primary key; the blocked
 * number is read by its primary key (see {@code InboundAppendOnPostgresTest} for the plan).
 */
final class InboundAppendStatement {

    private InboundAppendStatement() {}

    /** The thread columns the statement returns, in this order. */
    private static final String THREAD = JdbiConversationRows.COLUMNS;

    /**
     * The counters a row answers with: as the statement moved them, else as its snapshot reads them
     * (the row {@link #UNMOVED_COUNTERS} joins).
     */
    static final String COUNTERS_OUT = "COALESCE(k.open_conversations, r.open_conversations) AS k_open,"
            + " COALESCE(k.closed_conversations, r.closed_conversations) AS k_closed,"
            + " COALESCE(k.unread_conversations, r.unread_conversations) AS k_unread";

    /** The counters row, read without a lock where the statement did not move it. */
    static final String UNMOVED_COUNTERS = " LEFT JOIN account_counters r ON r.account_id = :account"
            + " AND k.open_conversations IS NULL";

    /** The statement with named parameters ({@code :account}); sent with positional ones ({@link #STATEMENT}). */
    static final String SQL = "WITH thread AS (INSERT INTO conversations (account_id, conversation_id, phone_e164,"
            + " phone_digits, state, assignee_id, unread_count, has_unread, last_activity_at, preview,"
            + " last_message_sequence, created_at)"
            + " SELECT :account, CAST(:conversation AS uuid), :phone, :digits, 'OPEN', NULL, 1, TRUE,"
            + " CAST(:now AS timestamptz), CAST(:preview AS text), 1, CAST(:now AS timestamptz)"
            // a blocked sender (F38) is the general path's: nothing is written and the engine takes it
            + " WHERE NOT EXISTS (SELECT 1 FROM blocked_numbers b WHERE b.account_id = :account AND b.phone_e164 = :phone)"
            + " ON CONFLICT (account_id, phone_e164) DO UPDATE SET unread_count = conversations.unread_count + 1,"
            + " has_unread = TRUE, last_activity_at = GREATEST(conversations.last_activity_at, EXCLUDED.last_activity_at),"
            + " preview = EXCLUDED.preview, last_message_sequence = conversations.last_message_sequence + 1"
            + " WHERE conversations.state = 'OPEN' AND conversations.snoozed = FALSE"
            + " AND conversations.last_activity_at >= CAST(:windowStart AS timestamptz)"
            + " RETURNING " + THREAD + ", conversation_id = CAST(:conversation AS uuid) AS started),"
            // a repeat fails here, on messages_inbound_carrier_uk, and the whole statement with it
            + " stored AS (INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164,"
            + " direction, body, body_lower, media, sender_id, carrier_message_id, status, is_read,"
            + " carrier_received_at, created_at, text_repairs)"
            + " SELECT :account, CAST(:message AS uuid), t.conversation_id, t.last_message_sequence, :phone,"
            + " 'INBOUND', CAST(:body AS text), CAST(:bodyLower AS text), CAST(:media AS text),"
            + " CAST(:senderId AS text), CAST(:carrierId AS text), 'RECEIVED', FALSE,"
            + " CAST(:carrierReceivedAt AS timestamptz), CAST(:now AS timestamptz), CAST(:textRepairs AS smallint)"
            + " FROM thread t),"
            + " counted AS (INSERT INTO account_counters AS k (account_id, open_conversations, closed_conversations,"
            + " unread_conversations) SELECT :account, CASE WHEN t.started THEN 1 ELSE 0 END, 0,"
            + " CASE WHEN t.unread_count = 1 THEN 1 ELSE 0 END FROM thread t"
            // only a change moves them: a reply to a thread with unread messages leaves the row unlocked
            + " WHERE t.started OR t.unread_count = 1"
            + " ON CONFLICT (account_id) DO UPDATE SET"
            + " open_conversations = k.open_conversations + EXCLUDED.open_conversations,"
            + " unread_conversations = k.unread_conversations + EXCLUDED.unread_conversations"
            + " RETURNING k.open_conversations, k.closed_conversations, k.unread_conversations)"
            // the thread's columns first, read by position
            + " SELECT " + threadOut() + ", s.started, " + COUNTERS_OUT
            + " FROM thread s LEFT JOIN counted k ON TRUE" + UNMOVED_COUNTERS;


    /** The thread's columns as the statement returns them: its times in microseconds ({@link TimeColumn#EPOCH_MICROS}). */
    private static String threadOut() {
        return threadOut(column -> "s." + column);
    }

    /**
     * The thread's columns as the statements return them (this one and {@link InboundBatchStatement}),
     * each read from the expression {@code source} gives for it, times in microseconds.
     */
    static String threadOut(UnaryOperator<String> source) {
        StringBuilder out = new StringBuilder();
        for (String column : THREAD.split(",\\s*")) {
            String value = source.apply(column);
            out.append(out.isEmpty() ? "" : ", ").append(TimeColumn.isTime(column) ? TimeColumn.microsSql(value) : value)
                    .append(" AS t_").append(column);
        }
        return out.toString();
    }

    /** The statement's columns by position: the thread's from 1, then these. */
    private static final int STARTED_COLUMN = JdbiConversationRows.COLUMN_COUNT + 1;
    private static final int OPEN_COLUMN = STARTED_COLUMN + 1;
    private static final int CLOSED_COLUMN = STARTED_COLUMN + 2;
    private static final int UNREAD_COLUMN = STARTED_COLUMN + 3;

    /** The statement as sent ({@link NamedSql}): the driver's own, without a library between. */
    private static final NamedSql STATEMENT = NamedSql.of(SQL);

    /**
     * Runs the statement in the transaction.
     *
     * @param tx the transaction, on PostgreSQL
     * @param append what to append
     * @return what was done
     */
    static InboundAppendResult append(JdbiStoreTransaction tx, InboundAppend append) {
        return settled(tx, appendAlone(tx, append));
    }

    /**
     * Marks the transaction of a message ended after an append, which committed it; after "not
     * applied" nothing was written and the transaction goes on.
     *
     * @return the result
     */
    static InboundAppendResult settled(JdbiStoreTransaction tx, InboundAppendResult result) {
        if (!(result instanceof InboundAppendResult.NotApplied)) {
            tx.endedByItsStatement();
        }
        return result;
    }

    /** Runs the statement; the caller marks the transaction ended after an append ({@link #settled}). */
    static InboundAppendResult appendAlone(JdbiStoreTransaction tx, InboundAppend append) {
        return inAutocommit(tx, "append an inbound message", connection -> {
            try (PreparedStatement statement = STATEMENT.prepare(connection, values(tx, append));
                    ResultSet rs = statement.executeQuery()) {
                // no row: a closed, snoozed or stale thread, or a blocked number, unchanged
                return rs.next() ? result(append, rs) : InboundAppendResult.notApplied();
            } catch (SQLException e) {
                if (isRepeat(e)) {
                    return InboundAppendResult.notApplied(); // rolled back whole: the general path finds it
                }
                throw e;
            }
        });
    }

    /**
     * Whether the statement failed on a repeat: the one unique key it can violate is the inbound
     * carrier id's ({@code messages_inbound_carrier_uk}), since the thread's and the counters' are
     * the arbiters of upserts and the message's id is new. The statement ran in autocommit, so
     * nothing of it was written.
     */
    static boolean isRepeat(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Work on the transaction's connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs statements that commit themselves on the transaction's connection: it has written
     * nothing before them, and the driver, having sent no {@code BEGIN} yet, sends nothing to switch.
     */
    static <T> T inAutocommit(JdbiStoreTransaction tx, String operation, SqlWork<T> work) {
        tx.checkOpen();
        Connection connection = tx.session.connection();
        try {
            connection.setAutoCommit(true);
            try {
                return work.run(connection);
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(operation, e);
        }
    }

    /** The names of one message's values, in the order of {@link #messageValues}. */
    static final List<String> MESSAGE_NAMES = List.of("carrierId", "phone", "digits", "conversation", "message", "now",
            "preview", "body", "bodyLower", "media", "senderId", "carrierReceivedAt", "textRepairs");

    /** The slots of {@link #MESSAGE_NAMES} in the statement's values, and of its other two. */
    private static final int[] MESSAGE_SLOTS = MESSAGE_NAMES.stream().mapToInt(STATEMENT::slot).toArray();
    private static final int ACCOUNT_SLOT = STATEMENT.slot("account");
    private static final int WINDOW_START_SLOT = STATEMENT.slot("windowStart");

    private static Object[] values(JdbiStoreTransaction tx, InboundAppend append) {
        Object[] values = STATEMENT.newValues();
        Object[] message = messageValues(append);
        for (int i = 0; i < message.length; i++) {
            values[MESSAGE_SLOTS[i]] = message[i];
        }
        values[ACCOUNT_SLOT] = tx.account;
        values[WINDOW_START_SLOT] = JdbiRows.isoText(append.windowStart());
        return values;
    }

    /**
     * The values of one message's parameters, named by {@link #MESSAGE_NAMES} in their order: this
     * statement's, and a row of {@link InboundBatchStatement}'s arrays.
     */
    static Object[] messageValues(InboundAppend append) {
        Message message = append.message();
        PhoneNumber phone = message.contactPhone();
        return new Object[] {
            append.carrierMessageId(),
            phone.e164(),
            phone.digits(),
            message.conversationId().value(),
            message.id().value(),
            // times as ISO 8601 text, which the statement casts: no calendar for the driver to make
            JdbiRows.isoText(message.createdAt()),
            append.preview(),
            message.text(),
            JdbiRows.searchable(message.text()),
            Codecs.writeMedia(message.media()),
            message.senderId().orElse(null),
            message.carrierReceivedAt().map(JdbiRows::isoText).orElse(null),
            Codecs.writeTextRepairs(message.textRepairs()),
        };
    }

    /**
     * What one row of this statement's layout (or {@link InboundBatchStatement}'s) says of an
     * append: the thread's {@link JdbiConversationRows#COLUMNS} from column 1 (its times in
     * microseconds), whether it was started, the counters.
     *
     * @param append the append the row answers
     * @param rs the result set, on the row
     * @return an append, or not applied (no thread in the row)
     */
    static InboundAppendResult result(InboundAppend append, ResultSet rs) throws SQLException {
        if (rs.getObject(1) == null) {
            return InboundAppendResult.notApplied();
        }
        Conversation thread = JdbiConversationRows.conversationAt(rs, 1, TimeColumn.EPOCH_MICROS);
        long open = rs.getLong(OPEN_COLUMN);
        InboxCounters counters = rs.wasNull() ? InboxCounters.zero()
                : new InboxCounters(open, rs.getLong(CLOSED_COLUMN), rs.getLong(UNREAD_COLUMN));
        // two copies with one value each, not a builder filled from every value of the message
        Message stored = ImmutableMessage.copyOf(append.message())
                .withConversationId(thread.id())
                .withSequence(thread.lastMessageSequence());
        return new InboundAppendResult.Appended(stored, thread, rs.getBoolean(STARTED_COLUMN), counters);
    }
}
