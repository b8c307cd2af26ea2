package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.JdbiRows.instant;

import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxPageRead;
import io.github.inboxkit.core.inbox.ReadFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
        return sql(JdbiConversationRows.ListingSql.of(listing), lateral, false);
    }

    /**
     * @param copy whether the node has a current copy of the account's directory: the statement then
     *     looks nothing up, and its contact and assignee columns are NULL
     */
    private static String sql(JdbiConversationRows.ListingSql listing, boolean lateral, boolean copy) {
        return "SELECT " + JdbiConversationRows.COLUMNS.replaceAll("(\\w+)", "p.$1") + ","
                + (copy ? " " + NO_CONTACT_OR_ASSIGNEE + ","
                        : " pc.contact_id, pc.first_name, pc.last_name, pc.custom_fields, pc.created_at, pc.updated_at,"
                        + " pu.display_name, pu.created_at,")
                + " n.open_conversations, n.closed_conversations, n.unread_conversations, a.directory_version"
                + " FROM (SELECT 1 AS one) o"
                + " LEFT JOIN account_counters n ON n.account_id = :account"
                + " LEFT JOIN accounts a ON a.account_id = :account"
                + " LEFT JOIN (" + listing.text() + ") p ON TRUE"
                + (copy ? "" : lateral ? CONTACT_AND_ASSIGNEE_LATERAL : CONTACT_AND_ASSIGNEE_JOINED)
                + " ORDER BY p.last_activity_at DESC, p.conversation_id DESC";
    }

    /** The contact's and the assignee's columns of a page read with a copy of the directory: none. */
    private static final String NO_CONTACT_OR_ASSIGNEE = "CAST(NULL AS uuid), CAST(NULL AS varchar(1)),"
            + " CAST(NULL AS varchar(1)), CAST(NULL AS varchar(1)), CAST(NULL AS timestamp with time zone),"
            + " CAST(NULL AS timestamp with time zone), CAST(NULL AS varchar(1)),"
            + " CAST(NULL AS timestamp with time zone)";

    /**
     * The page's columns by position, after the conversation's {@link JdbiConversationRows#COLUMNS}:
     * the contact's six from here, as {@link JdbiContactRows#contactAt} reads them, then the
     * assignee's two, the counters and the directory version.
     */
    private static final int CONTACT_ID = JdbiConversationRows.COLUMN_COUNT + 1;
    private static final int ASSIGNEE_NAME = CONTACT_ID + 6;
    private static final int ASSIGNEE_CREATED_AT = CONTACT_ID + 7;
    private static final int OPEN = CONTACT_ID + 8;
    private static final int CLOSED = CONTACT_ID + 9;
    private static final int UNREAD = CONTACT_ID + 10;
    private static final int DIRECTORY_VERSION = CONTACT_ID + 11;

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
     * @param connection the connection, in autocommit for one round trip (a transaction also works)
     * @param account the account's id
     * @param listing the listing
     * @param lateral whether to look contacts and assignees up with lateral sub-queries (PostgreSQL)
     * @return what the page shows
     */
    static InboxPageRead read(Connection connection, String account, ConversationListing listing, boolean lateral,
            Directories directories) {
        Optional<Directories.Directory> known = directories.known(account);
        Map<String, Object> values = JdbiConversationRows.ListingSql.values(account, listing);
        Directories.Directory copy = known.filter(Directories.Directory::copied).orElse(null);
        Page page = copy == null ? null : read(connection, listing, lateral, values, copy);
        if (page == null || !page.fromCopy) {
            // no copy, or not the version the page read (the directory changed since): look up
            page = read(connection, listing, lateral, values, null);
        }
        if (page.directoryVersion != null) {
            directories.seen(connection, account, known, page.directoryVersion);
        }
        return page.build();
    }

    private static Page read(Connection connection, ConversationListing listing, boolean lateral, Map<String, Object> values,
            Directories.Directory copy) {
        Page page = new Page(copy);
        try (PreparedStatement statement = statement(listing, lateral, copy != null)
                .prepare(connection, values);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                page.add(rs);
                if (copy != null && !page.fromCopy) {
                    return page; // read again with look-ups
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read an inbox page", e);
        }
        return page;
    }

    /**
     * The statements of the listings without a search, by shape: a page's text was built and
     * hashed again for every page. A search's text depends on its term, and is built each time.
     */
    private static final Map<Shape, NamedSql> STATEMENTS = new ConcurrentHashMap<>();

    /** What a listing's statement text depends on, without a search (its values are bound). */
    private record Shape(Optional<Boolean> snoozed, Class<?> assignment, ReadFilter read, boolean after,
            boolean label, boolean lateral, boolean copy) {}

    private static NamedSql statement(ConversationListing listing, boolean lateral, boolean copy) {
        if (listing.search().isPresent()) {
            return NamedSql.of(sql(JdbiConversationRows.ListingSql.of(listing), lateral, copy));
        }
        Shape shape = new Shape(listing.snoozed(), listing.assignment().getClass(), listing.readFilter(),
                listing.after().isPresent(), listing.label().isPresent(), lateral, copy);
        return STATEMENTS.computeIfAbsent(shape,
                key -> NamedSql.of(sql(JdbiConversationRows.ListingSql.of(listing), lateral, copy)));
    }

    /**
     * The page as its rows come in, each column read by its position; each row's contact and
     * assignee from the node's copy of the directory if the page read the copy's version, else from
     * the row's own columns.
     */
    private static final class Page {
        private final Directories.Directory copy;
        private final List<Conversation> conversations = new ArrayList<>();
        private final Map<PhoneNumber, Contact> contacts = new LinkedHashMap<>();
        private final Map<UserId, User> assignees = new LinkedHashMap<>();
        private InboxCounters counters;
        /** The directory version the page read; null before the first row, or if the account is gone. */
        private Long directoryVersion;
        private boolean fromCopy;

        Page(Directories.Directory copy) {
            this.copy = copy;
        }

        void add(ResultSet rs) throws SQLException {
            if (counters == null) {
                // every row carries the counters row (all NULL if the account has none: zero)
                counters = new InboxCounters(rs.getLong(OPEN), rs.getLong(CLOSED), rs.getLong(UNREAD));
                long version = rs.getLong(DIRECTORY_VERSION);
                directoryVersion = rs.wasNull() ? null : version;
                fromCopy = copy != null && directoryVersion != null && copy.version() == directoryVersion;
            }
            if (rs.getObject(1) == null) {
                return; // the one row of an empty page
            }
            Conversation conversation = JdbiConversationRows.conversationAt(rs, 1);
            conversations.add(conversation);
            if (fromCopy) {
                Contact contact = copy.contacts().get(conversation.contactPhone().e164());
                if (contact != null) {
                    contacts.putIfAbsent(conversation.contactPhone(), contact);
                }
                conversation.assignee().map(user -> copy.users().get(user.value()))
                        .ifPresent(user -> assignees.putIfAbsent(user.id(), user));
                return;
            }
            if (rs.getObject(CONTACT_ID) != null) {
                contacts.putIfAbsent(conversation.contactPhone(),
                        JdbiContactRows.contactAt(rs, conversation.contactPhone(), CONTACT_ID));
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
