package io.github.inboxkit.jdbc.internal;

/**
 * Generates a realistic inbox on PostgreSQL, server side (no round trip per row): accounts with
 * 1000s of conversations spread over 120 days of activity, 70 % open, 70 % assigned among five
 * users, 20 % with unread messages, short message bodies from a small vocabulary.
 */
final class DataSetSql {

    private DataSetSql() {}

    static final String CONVERSATIONS = """
            INSERT INTO conversations (account_id, conversation_id, phone_e164, phone_digits, state, assignee_id,
                unread_count, has_unread, last_activity_at, preview, last_message_sequence, created_at)
            SELECT g.account_id, g.conversation_id, '+' || g.digits, g.digits, g.state, g.assignee,
                   g.unread, g.unread > 0, g.last_activity, 'last message', 4, g.last_activity - interval '30 days'
            FROM (
                SELECT 'acct-' || a AS account_id,
                       gen_random_uuid() AS conversation_id,
                       '1415' || lpad((a * 100000 + c)::text, 8, '0') AS digits,
                       CASE WHEN random() < 0.7 THEN 'OPEN' ELSE 'CLOSED' END AS state,
                       CASE WHEN random() < 0.3 THEN NULL ELSE 'user-' || (1 + floor(random() * 5))::int END AS assignee,
                       CASE WHEN random() < 0.2 THEN 1 + floor(random() * 3)::int ELSE 0 END AS unread,
                       CAST(:now AS timestamptz) - random() * interval '120 days' AS last_activity
                FROM generate_series(1, :accounts) a, generate_series(1, :perAccount) c
            ) g
            """;

    static final String MESSAGES = """
            INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164, direction, body,
                body_lower, media, status, is_read, created_at)
            SELECT m.account_id, gen_random_uuid(), m.conversation_id, m.s, m.phone_e164, 'INBOUND', m.body,
                   lower(m.body), '[]', 'RECEIVED', true, m.created_at
            FROM (
                SELECT c.account_id, c.conversation_id, s, c.phone_e164,
                       (ARRAY['Hello', 'Thanks!', 'Is my order ready', 'See you tomorrow', 'Can we move the appointment',
                              'OK', 'What time do you open', 'Running late', 'Perfect, thank you', 'Call me back please']
                       )[1 + floor(random() * 10)::int] || ' ref ' || floor(random() * 1000000)::int AS body,
                       c.last_activity_at - (:perConversation - s) * interval '1 hour' AS created_at
                FROM conversations c, generate_series(1, :perConversation) s
            ) m
            """;

    static final String CONTACTS = """
            INSERT INTO contacts (account_id, contact_id, phone_e164, first_name, last_name, search_name,
                custom_fields, created_at, updated_at)
            SELECT account_id, gen_random_uuid(), phone_e164, 'Ann', 'Lee ' || right(phone_digits, 4),
                   'ann lee ' || right(phone_digits, 4), '{}', created_at, created_at
            FROM conversations WHERE random() < 0.5
            """;
}
