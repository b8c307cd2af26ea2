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
import io.github.inboxkit.core.inbox.ReadFilter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

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
        return "SELECT " + JdbiConversationRows.COLUMNS.replaceAll("(\\w+)", "p.$1") + ","
                + " pc.contact_id, pc.first_name, pc.last_name, pc.custom_fields, pc.created_at, pc.updated_at,"
                + " pu.display_name, pu.created_at,"
                + " n.open_conversations, n.closed_conversations, n.unread_conversations"
                + " FROM (SELECT 1 AS one) o"
                + " LEFT JOIN account_counters n ON n.account_id = :account"
                + " LEFT JOIN (" + listing.text() + ") p ON TRUE"
                + (lateral ? CONTACT_AND_ASSIGNEE_LATERAL : CONTACT_AND_ASSIGNEE_JOINED)
                + " ORDER BY p.last_activity_at DESC, p.conversation_id DESC";
    }

    /** The page's columns by position, after the conversation's {@link JdbiConversationRows#COLUMNS}. */
    private static final int CONTACT_ID = JdbiConversationRows.COLUMN_COUNT + 1;
    private static final int FIRST_NAME = CONTACT_ID + 1;
    private static final int LAST_NAME = CONTACT_ID + 2;
    private static final int CUSTOM_FIELDS = CONTACT_ID + 3;
    private static final int CONTACT_CREATED_AT = CONTACT_ID + 4;
    private static final int CONTACT_UPDATED_AT = CONTACT_ID + 5;
    private static final int ASSIGNEE_NAME = CONTACT_ID + 6;
    private static final int ASSIGNEE_CREATED_AT = CONTACT_ID + 7;
    private static final int OPEN = CONTACT_ID + 8;
    private static final int CLOSED = CONTACT_ID + 9;
    private static final int UNREAD = CONTACT_ID + 10;

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
        Page page = new Page();
        try (PreparedStatement statement = statement(listing, lateral).prepare(handle.getConnection(),
                JdbiConversationRows.ListingSql.values(account, listing));
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                page.add(rs);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read an inbox page", e);
        }
        return page.build();
    }

    /**
     * The statements of the listings without a search, by shape: a page's text was built and
     * hashed again for every page. A search's text depends on its term, and is built each time.
     */
    private static final Map<Shape, NamedSql> STATEMENTS = new ConcurrentHashMap<>();

    /** What a listing's statement text depends on, without a search (its values are bound). */
    private record Shape(Optional<Boolean> snoozed, Class<?> assignment, ReadFilter read, boolean after,
            boolean label, boolean lateral) {}

    private static NamedSql statement(ConversationListing listing, boolean lateral) {
        if (listing.search().isPresent()) {
            return NamedSql.of(sql(listing, lateral));
        }
        Shape shape = new Shape(listing.snoozed(), listing.assignment().getClass(), listing.readFilter(),
                listing.after().isPresent(), listing.label().isPresent(), lateral);
        return STATEMENTS.computeIfAbsent(shape, key -> NamedSql.of(sql(listing, lateral)));
    }

    /** The page as its rows come in, each column read by its position. */
    private static final class Page {
        private final List<Conversation> conversations = new ArrayList<>();
        private final Map<PhoneNumber, Contact> contacts = new LinkedHashMap<>();
        private final Map<UserId, User> assignees = new LinkedHashMap<>();
        private InboxCounters counters;

        void add(ResultSet rs) throws SQLException {
            if (counters == null) {
                // every row carries the counters row (all NULL if the account has none: zero)
                counters = new InboxCounters(rs.getLong(OPEN), rs.getLong(CLOSED), rs.getLong(UNREAD));
            }
            if (rs.getObject(1) == null) {
                return; // the one row of an empty page
            }
            Conversation conversation = JdbiConversationRows.conversationAt(rs, 1);
            conversations.add(conversation);
            UUID contactId = rs.getObject(CONTACT_ID, UUID.class);
            if (contactId != null) {
                contacts.putIfAbsent(conversation.contactPhone(), Contact.builder()
                        .id(new ContactId(contactId))
                        .phone(conversation.contactPhone())
                        .firstName(Optional.ofNullable(rs.getString(FIRST_NAME)))
                        .lastName(Optional.ofNullable(rs.getString(LAST_NAME)))
                        .customFields(Codecs.readCustomFields(rs.getString(CUSTOM_FIELDS)))
                        .createdAt(instant(rs, CONTACT_CREATED_AT))
                        .updatedAt(instant(rs, CONTACT_UPDATED_AT))
                        .build());
            }
            String assigneeName = rs.getString(ASSIGNEE_NAME);
            if (assigneeName != null && conversation.assignee().isPresent()) {
                UserId assignee = conversation.assignee().get();
                assignees.putIfAbsent(assignee, User.builder()
                        .id(assignee)
                        .displayName(assigneeName)
                        .createdAt(instant(rs, ASSIGNEE_CREATED_AT))
                        .build());
            }
        }

        InboxPageRead build() {
            return InboxPageRead.builder()
                    .conversations(conversations)
                    .contacts(contacts)
                    .assignees(assignees)
                    .counters(counters == null ? InboxCounters.zero() : counters)
                    .build();
        }
    }
}
