package io.github.inboxkit.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Generates a realistic inbox on a migrated PostgreSQL schema, server side with
 * {@code INSERT ... SELECT generate_series} (no round trip per row): accounts {@code acct-1..N} with
 * five users each, conversations spread over 120 days of activity (70 % open, 70 % assigned, 20 %
 * with unread messages), messages from a small vocabulary, a saved contact for half the numbers,
 * and counters that match the conversations. The message trigram index is dropped during the load and rebuilt after,
 * which is several times faster than maintaining it row by row.
 *
 * <p>Not thread-safe; run once per database.
 */
final class DataSet {

    private DataSet() {}

    static void generate(DataSource dataSource, int accounts, int conversationsPerAccount, int messagesPerConversation,
            Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '256MB'");
            statement.execute("SELECT setseed(0.42)");
            statement.execute("DROP INDEX messages_body_trgm");
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO accounts (account_id, name, settings, created_at)
                    SELECT 'acct-' || a, 'Account ' || a, '{}', ? FROM generate_series(1, ?) a""")) {
                insert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setInt(2, accounts);
                insert.execute();
            }
            statement.execute("""
                    INSERT INTO users (account_id, user_id, display_name, created_at)
                    SELECT account_id, 'user-' || u, 'User Number' || u, created_at
                    FROM accounts, generate_series(1, 5) u""");
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO conversations (account_id, conversation_id, phone_e164, phone_digits, state, assignee_id,
                        unread_count, has_unread, last_activity_at, preview, last_message_sequence, created_at)
                    SELECT g.account_id, g.conversation_id, '+' || g.digits, g.digits, g.state, g.assignee,
                           g.unread, g.unread > 0, g.last_activity, 'last message', ?, g.last_activity - interval '30 days'
                    FROM (
                        SELECT 'acct-' || a AS account_id,
                               gen_random_uuid() AS conversation_id,
                               '1415' || lpad((a * 100000 + c)::text, 8, '0') AS digits,
                               CASE WHEN random() < 0.7 THEN 'OPEN' ELSE 'CLOSED' END AS state,
                               CASE WHEN random() < 0.3 THEN NULL ELSE 'user-' || (1 + floor(random() * 5))::int END AS assignee,
                               CASE WHEN random() < 0.2 THEN 1 + floor(random() * 3)::int ELSE 0 END AS unread,
                               CAST(? AS timestamptz) - random() * interval '120 days' AS last_activity
                        FROM generate_series(1, ?) a, generate_series(1, ?) c
                    ) g""")) {
                insert.setInt(1, messagesPerConversation);
                insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setInt(3, accounts);
                insert.setInt(4, conversationsPerAccount);
                insert.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164, direction, body,
                        body_lower, media, status, is_read, created_at)
                    SELECT m.account_id, gen_random_uuid(), m.conversation_id, m.s, m.phone_e164,
                           CASE WHEN m.s % 2 = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END, m.body, lower(m.body), '[]',
                           CASE WHEN m.s % 2 = 0 THEN 'DELIVERED' ELSE 'RECEIVED' END, true, m.created_at
                    FROM (
                        SELECT c.account_id, c.conversation_id, s, c.phone_e164,
                               (ARRAY['Hello', 'Thanks!', 'Is my order ready', 'See you tomorrow',
                                      'Can we move the appointment', 'OK', 'What time do you open', 'Running late',
                                      'Perfect, thank you', 'Call me back please'])[1 + floor(random() * 10)::int]
                               || ' ref ' || floor(random() * 1000000)::int AS body,
                               c.last_activity_at - (? - s) * interval '1 hour' AS created_at
                        FROM conversations c, generate_series(1, ?) s
                    ) m""")) {
                insert.setInt(1, messagesPerConversation);
                insert.setInt(2, messagesPerConversation);
                insert.execute();
            }
            statement.execute("""
                    INSERT INTO contacts (account_id, contact_id, phone_e164, first_name, last_name, search_name,
                        custom_fields, created_at, updated_at)
                    SELECT account_id, gen_random_uuid(), phone_e164, 'Ann', 'Lee' || right(phone_digits, 4),
                           'ann lee' || right(phone_digits, 4), '{}', created_at, created_at
                    FROM conversations WHERE random() < 0.5""");
            statement.execute("""
                    INSERT INTO account_counters (account_id, open_conversations, closed_conversations, unread_conversations)
                    SELECT a.account_id,
                           count(*) FILTER (WHERE c.state = 'OPEN'),
                           count(*) FILTER (WHERE c.state = 'CLOSED'),
                           count(*) FILTER (WHERE c.has_unread)
                    FROM accounts a LEFT JOIN conversations c ON c.account_id = a.account_id
                    GROUP BY a.account_id""");
            statement.execute("CREATE INDEX messages_body_trgm ON messages USING gin (account_id, body_lower gin_trgm_ops)");
            statement.execute("VACUUM ANALYZE");
        }
    }
}
