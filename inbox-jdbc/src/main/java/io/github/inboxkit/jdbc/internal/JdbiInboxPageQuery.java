package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.JdbiRows.instant;

import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxPageRead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The read model of the inbox page: one statement that reads a listing's conversations (the
 * keyset query of {@link JdbiConversationRows.ListingSql}, unchanged, as a sub-query), joined
 * read-only with the saved contacts of their numbers and the users they are assigned to, and the
 * account's counters row. It is the one place where the store reads the tables of other
 * aggregates (contacts, users, counters) with the conversations, and it only reads them.
 *
 * <p>The keyset sub-query keeps its plan: its {@code LIMIT} keeps PostgreSQL from merging it into
 * the joins, so it is planned as the listing alone is; each of its rows then finds its contact and
 * its assignee by a unique key ({@code InboxPageQueryPlanOnPostgresTest} reads both plans). The page is built from a one-row
 * source, so that an empty page still carries the counters (zero when the account has no counters
 * row, as {@link JdbiCounterRows#counters()} reads them). Every join names the account
 * (architecture invariant 6). Run in autocommit, the statement is one snapshot of the committed
 * data and one round trip: no {@code BEGIN}, no {@code COMMIT}.
 *
 * <p>Stateless and thread-safe: every method is static.
 */
final class JdbiInboxPageQuery {

    private JdbiInboxPageQuery() {}

    /**
     * The statement of one listing's page.
     *
     * @param listing the listing
     * @param lateral whether the database looks each row's contact and assignee up with a lateral
     *     sub-query (PostgreSQL); otherwise with plain joins on their unique keys (H2, which looks
     *     joined rows up by index anyway)
     * @return the statement, with the listing's named parameters
     */
    static String sql(ConversationListing listing, boolean lateral) {
        return sql(JdbiConversationRows.ListingSql.of(listing), lateral);
    }

    private static String sql(JdbiConversationRows.ListingSql listing, boolean lateral) {
        return "SELECT p.conversation_id, p.phone_e164, p.state, p.assignee_id, p.unread_count, p.last_activity_at,"
                + " p.preview, p.last_message_sequence, p.created_at, p.snoozed, p.snoozed_until,"
                + " pc.contact_id, pc.first_name, pc.last_name, pc.custom_fields,"
                + " pc.created_at AS contact_created_at, pc.updated_at AS contact_updated_at,"
                + " pu.display_name AS assignee_name, pu.created_at AS assignee_created_at,"
                + " n.open_conversations, n.closed_conversations, n.unread_conversations"
                + " FROM (SELECT 1 AS one) o"
                + " LEFT JOIN account_counters n ON n.account_id = :account"
                + " LEFT JOIN (" + listing.text() + ") p ON TRUE"
                + (lateral ? CONTACT_AND_ASSIGNEE_LATERAL : CONTACT_AND_ASSIGNEE_JOINED)
                + " ORDER BY p.last_activity_at DESC, p.conversation_id DESC";
    }

    /**
     * On PostgreSQL: each row's contact and assignee by a lateral look-up with {@code LIMIT 1}, which
     * the planner cannot turn into a hash join; with plain joins it read, for some filters, every
     * contact of the account into a hash table rather than look the page's numbers up.
     */
    private static final String CONTACT_AND_ASSIGNEE_LATERAL = " LEFT JOIN LATERAL (SELECT * FROM contacts pc"
            + " WHERE pc.account_id = :account AND pc.phone_e164 = p.phone_e164 LIMIT 1) pc ON TRUE"
            + " LEFT JOIN LATERAL (SELECT * FROM users pu"
            + " WHERE pu.account_id = :account AND pu.user_id = p.assignee_id LIMIT 1) pu ON TRUE";

    /** On H2, which looks joined rows up by index: plain joins on the same unique keys. */
    private static final String CONTACT_AND_ASSIGNEE_JOINED = " LEFT JOIN contacts pc"
            + " ON pc.account_id = :account AND pc.phone_e164 = p.phone_e164"
            + " LEFT JOIN users pu ON pu.account_id = :account AND pu.user_id = p.assignee_id";

    /**
     * Reads one listing's page with its contacts, assignees and the account's counters.
     *
     * @param handle the connection, in autocommit for one round trip (a transaction also works)
     * @param account the account's id
     * @param listing the listing
     * @param lateral whether to look contacts and assignees up with lateral sub-queries (PostgreSQL)
     * @return what the page shows
     */
    static InboxPageRead read(Handle handle, String account, ConversationListing listing, boolean lateral) {
        JdbiConversationRows.ListingSql listingSql = JdbiConversationRows.ListingSql.of(listing);
        return listingSql.bind(handle.createQuery(sql(listingSql, lateral)), account, listing)
                .reduceResultSet(new Page(), Page::add)
                .build();
    }

    /** The page as its rows come in. */
    private static final class Page {
        private final List<Conversation> conversations = new ArrayList<>();
        private final Map<PhoneNumber, Contact> contacts = new LinkedHashMap<>();
        private final Map<UserId, User> assignees = new LinkedHashMap<>();
        private InboxCounters counters = InboxCounters.zero();

        Page add(ResultSet rs, StatementContext ctx) throws SQLException {
            // every row carries the counters row (all NULL if the account has none: zero)
            counters = new InboxCounters(rs.getLong("open_conversations"), rs.getLong("closed_conversations"),
                    rs.getLong("unread_conversations"));
            if (rs.getObject("conversation_id") == null) {
                return this; // the one row of an empty page
            }
            Conversation conversation = JdbiConversationRows.CONVERSATION.map(rs, ctx);
            conversations.add(conversation);
            UUID contactId = rs.getObject("contact_id", UUID.class);
            if (contactId != null) {
                contacts.putIfAbsent(conversation.contactPhone(), Contact.builder()
                        .id(new ContactId(contactId))
                        .phone(conversation.contactPhone())
                        .firstName(Optional.ofNullable(rs.getString("first_name")))
                        .lastName(Optional.ofNullable(rs.getString("last_name")))
                        .customFields(Codecs.readCustomFields(rs.getString("custom_fields")))
                        .createdAt(instant(rs, "contact_created_at"))
                        .updatedAt(instant(rs, "contact_updated_at"))
                        .build());
            }
            String assigneeName = rs.getString("assignee_name");
            if (assigneeName != null && conversation.assignee().isPresent()) {
                UserId assignee = conversation.assignee().get();
                assignees.putIfAbsent(assignee, User.builder()
                        .id(assignee)
                        .displayName(assigneeName)
                        .createdAt(instant(rs, "assignee_created_at"))
                        .build());
            }
            return this;
        }

        InboxPageRead build() {
            return InboxPageRead.builder()
                    .conversations(conversations)
                    .contacts(contacts)
                    .assignees(assignees)
                    .counters(counters)
                    .build();
        }
    }
}
