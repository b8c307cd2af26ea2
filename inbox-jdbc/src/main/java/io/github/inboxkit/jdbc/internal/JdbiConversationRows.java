package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.RowColumns.column;

import io.github.inboxkit.core.store.ConversationRows;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.SearchTerm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Conversations, their listing and their ownership history (F13) on the SQL schema: the statements
 * of {@code conversations} and {@code assignment_changes} (the listing's search also reads {@code
 * contacts} and {@code messages}: see {@link ListingSql}) only, every one filtered by the
 * transaction's account, which leads every key and index (architecture invariant 6), so that an id
 * of another account reads as a missing row. One of the ports a {@link JdbiStoreTransaction} hands
 * out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiConversationRows extends JdbiRows implements ConversationRows {

    private final JdbiStoreTransaction tx;

    JdbiConversationRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    /**
     * A conversation's columns, in the order {@link #conversationAt} reads them: every statement
     * that maps conversations selects them so, one after the other.
     */
    static final String COLUMNS = "conversation_id, phone_e164, state, assignee_id, unread_count,"
            + " last_activity_at, preview, last_message_sequence, created_at, snoozed, snoozed_until";

    private static final String CONVERSATION_COLUMNS = COLUMNS.replaceAll("(\\w+)", "c.$1");

    /** How many columns {@link #COLUMNS} names: a statement's next column is this one more than the first's. */
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    /** Maps a conversation row: one look-up by name, then by position (a name costs a search of the row's columns). */
    static final RowMapper<Conversation> CONVERSATION = (rs, ctx) -> conversationAt(rs, rs.findColumn("conversation_id"));

    /** How a row's times are read: a column's value as an instant, or null. */
    @FunctionalInterface
    interface TimeColumn {
        /** The times as the driver maps {@code timestamptz}. */
        TimeColumn TIMESTAMP = JdbiRows::nullableInstant;

        /**
         * The times as microseconds since the epoch ({@link #microsSql}): no calendar for the
         * driver to make, on a hot path's statement.
         */
        TimeColumn EPOCH_MICROS = (rs, column) -> {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null
                    : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        };

        /** The SQL that gives a {@code timestamptz} column as {@link #EPOCH_MICROS} reads it. */
        static String microsSql(String column) {
            return "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS bigint)";
        }

        /** Whether a column of the schema is a time, by its name ({@code created_at}, {@code snoozed_until}). */
        static boolean isTime(String column) {
            return column.endsWith("_at") || column.endsWith("_until");
        }

        Instant read(ResultSet rs, int column) throws SQLException;
    }

    /** A conversation from a row whose {@link #COLUMNS} start at the (1-based) column {@code first}. */
    static Conversation conversationAt(ResultSet rs, int first) throws SQLException {
        return conversationAt(rs, first, TimeColumn.TIMESTAMP);
    }

    /** As {@link #conversationAt(ResultSet, int)}, with the times read as {@code time} says. */
    static Conversation conversationAt(ResultSet rs, int first, TimeColumn time) throws SQLException {
        return Conversation.builder()
                .id(new ConversationId(rs.getObject(first, UUID.class)))
                .contactPhone(new PhoneNumber(rs.getString(first + 1)))
                .state(ConversationState.valueOf(rs.getString(first + 2)))
                .assignee(Optional.ofNullable(rs.getString(first + 3)).map(UserId::of))
                .unreadCount(rs.getInt(first + 4))
                .lastActivityAt(time.read(rs, first + 5))
                .lastMessagePreview(rs.getString(first + 6))
                .lastMessageSequence(rs.getLong(first + 7))
                .createdAt(time.read(rs, first + 8))
                .snoozed(rs.getBoolean(first + 9))
                .snoozedUntil(Optional.ofNullable(time.read(rs, first + 10)))
                .build();
    }

    @Override
    public Optional<Conversation> findConversation(ConversationId id) {
        return conversationById(id, "");
    }

    @Override
    public Set<ConversationId> existingConversations(Collection<ConversationId> ids) {
        Set<ConversationId> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        run("read conversation ids", () -> handle()
                .createQuery("SELECT conversation_id FROM conversations WHERE account_id = :account"
                        + " AND conversation_id IN (<ids>)")
                .bind("account", account)
                .bindList("ids", ids.stream().map(ConversationId::value).distinct().toList())
                .mapTo(UUID.class)
                .list())
                .forEach(id -> found.add(new ConversationId(id)));
        return found;
    }

    @Override
    public Optional<Conversation> lockConversation(ConversationId id) {
        return conversationById(id, " FOR UPDATE");
    }

    private Optional<Conversation> conversationById(ConversationId id, String lock) {
        return run("read conversation", () -> handle()
                .createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                        + " WHERE c.account_id = :account AND c.conversation_id = :conversation" + lock)
                .bind("account", account)
                .bind("conversation", id.value())
                .map(CONVERSATION)
                .findOne());
    }

    @Override
    public Optional<Conversation> lockConversationByPhone(PhoneNumber contactPhone) {
        return run("lock conversation by phone", () -> handle()
                .createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                        + " WHERE c.account_id = :account AND c.phone_e164 = :phone FOR UPDATE")
                .bind("account", account)
                .bind("phone", contactPhone.e164())
                .map(CONVERSATION)
                .findOne());
    }

    /** What a conversation row holds, one list for single-row and set-based statements. */
    private static final RowColumns<Conversation> CONVERSATION_ROW = new RowColumns<>("conversations",
            column("conversation_id", "conversation", "uuid", c -> c.id().value()), List.of(
            column("phone_e164", "phone", "text", c -> c.contactPhone().e164()),
            column("phone_digits", "digits", "text", c -> c.contactPhone().digits()),
            column("state", "state", "text", c -> c.state().name()),
            column("assignee_id", "assignee", "text", c -> c.assignee().map(UserId::value).orElse(null)),
            column("unread_count", "unread", "integer", Conversation::unreadCount),
            column("has_unread", "hasUnread", "boolean", c -> c.unreadCount() > 0),
            column("last_activity_at", "lastActivity", "timestamptz", c -> time(c.lastActivityAt())),
            column("preview", "preview", "text", Conversation::lastMessagePreview),
            column("last_message_sequence", "sequence", "bigint", Conversation::lastMessageSequence),
            column("created_at", "createdAt", "timestamptz", c -> time(c.createdAt())),
            column("snoozed", "snoozed", "boolean", Conversation::snoozed),
            column("snoozed_until", "snoozedUntil", "timestamptz", c -> c.snoozedUntil().map(JdbiRows::time).orElse(null))));

    @Override
    public void insertConversation(Conversation conversation) {
        writeOne("insert conversation", CONVERSATION_ROW, true, conversation);
    }

    @Override
    public void insertConversations(List<Conversation> conversations) {
        writeAll("insert conversations", CONVERSATION_ROW, true, conversations);
    }

    @Override
    public void updateConversation(Conversation conversation) {
        writeOne("update conversation", CONVERSATION_ROW, false, conversation);
    }

    @Override
    public void updateConversations(List<Conversation> conversations) {
        writeAll("update conversations", CONVERSATION_ROW, false, conversations);
    }

    /**
     * On PostgreSQL: one unique-key lookup per number, in the order given. Written as a lateral
     * lookup rather than {@code IN}, which PostgreSQL may plan, on tables it has not analysed yet
     * (the first broadcast of a new database), as a scan of the account's whole thread list for
     * every batch of a broadcast.
     */
    static final String LOCK_CONVERSATIONS_BY_PHONE = "SELECT " + CONVERSATION_COLUMNS
            + " FROM unnest(CAST(:keys AS text[])) AS k(phone) CROSS JOIN LATERAL (SELECT * FROM conversations x"
            + " WHERE x.account_id = :account AND x.phone_e164 = k.phone FOR UPDATE) c";

    @Override
    public Map<PhoneNumber, Conversation> lockConversationsByPhone(Collection<PhoneNumber> contactPhones) {
        if (!setBased) {
            // ordered, so that two transactions locking overlapping batches take their locks in one order
            return readByKeys("lock conversations by phone", "SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
                    + " WHERE c.account_id = :account AND c.phone_e164 IN (<keys>) ORDER BY c.phone_e164 FOR UPDATE",
                    contactPhones, PhoneNumber::e164, CONVERSATION, Conversation::contactPhone);
        }
        return lookUpEach("lock conversations by phone", LOCK_CONVERSATIONS_BY_PHONE,
                contactPhones.stream().map(PhoneNumber::e164), CONVERSATION, Conversation::contactPhone);
    }

    @Override
    public List<Conversation> listConversations(ConversationListing listing) {
        ListingSql sql = ListingSql.of(listing);
        return run("list conversations", () ->
                sql.bind(handle().createQuery(sql.text()), account, listing).map(CONVERSATION).list());
    }

    /**
     * The waker's claim (F37): one account's due snoozes through the snooze index, earliest first,
     * skipping rows another waker holds locked.
     */
    static final String LOCK_DUE_SNOOZES = "SELECT " + CONVERSATION_COLUMNS + " FROM conversations c"
            + " WHERE c.account_id = :account AND c.snoozed_until <= :now"
            + " ORDER BY c.snoozed_until, c.conversation_id LIMIT :limit FOR UPDATE SKIP LOCKED";

    @Override
    public List<Conversation> lockDueSnoozes(Instant now, int limit) {
        return run("claim due snoozes", () -> handle()
                .createQuery(LOCK_DUE_SNOOZES)
                .bind("account", account)
                .bind("now", time(now))
                .bind("limit", limit)
                .map(CONVERSATION)
                .list());
    }

    @Override
    public void appendAssignmentChange(AssignmentChange change) {
        run("append assignment change", () -> handle()
                .createUpdate("INSERT INTO assignment_changes (account_id, conversation_id, from_user_id,"
                        + " to_user_id, changed_by, changed_at) VALUES (:account, :conversation, :from, :to,"
                        + " :changedBy, :changedAt)")
                .bind("account", account)
                .bind("conversation", change.conversationId().value())
                .bind("from", change.previousAssignee().map(UserId::value).orElse(null))
                .bind("to", change.newAssignee().map(UserId::value).orElse(null))
                .bind("changedBy", change.changedBy().value())
                .bind("changedAt", time(change.changedAt()))
                .execute());
    }

    @Override
    public List<AssignmentChange> assignmentHistory(ConversationId conversation) {
        return run("read assignment history", () -> handle()
                .createQuery("SELECT conversation_id, from_user_id, to_user_id, changed_by, changed_at"
                        + " FROM assignment_changes WHERE account_id = :account AND conversation_id = :conversation"
                        + " ORDER BY change_seq")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .map((RowMapper<AssignmentChange>) (rs, ctx) -> AssignmentChange.builder()
                        .conversationId(new ConversationId(rs.getObject("conversation_id", UUID.class)))
                        .previousAssignee(Optional.ofNullable(rs.getString("from_user_id")).map(UserId::of))
                        .newAssignee(Optional.ofNullable(rs.getString("to_user_id")).map(UserId::of))
                        .changedBy(UserId.of(rs.getString("changed_by")))
                        .changedAt(instant(rs, "changed_at"))
                        .build())
                .list());
    }

    @Override
    public void deleteConversation(ConversationId conversation) {
        run("delete conversation", () -> handle()
                .createUpdate("DELETE FROM conversations WHERE account_id = :account AND conversation_id = :conversation")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    @Override
    public int deleteAssignmentHistory(ConversationId conversation) {
        return run("delete assignment history", () -> handle()
                .createUpdate("DELETE FROM assignment_changes WHERE account_id = :account"
                        + " AND conversation_id = :conversation")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    record ListingSql(String text) {
        static ListingSql of(ConversationListing listing) {
            StringBuilder sql = new StringBuilder("SELECT ").append(CONVERSATION_COLUMNS)
                    .append(" FROM conversations c WHERE c.account_id = :account AND c.state = :state");
            listing.snoozed().ifPresent(snoozed -> sql.append(snoozed ? " AND c.snoozed = TRUE" : " AND c.snoozed = FALSE"));
            AssignmentFilter assignment = listing.assignment();
            if (assignment instanceof AssignmentFilter.Unassigned) {
                sql.append(" AND c.assignee_id IS NULL");
            } else if (assignment instanceof AssignmentFilter.AssignedTo) {
                sql.append(" AND c.assignee_id = :assignee");
            }
            switch (listing.readFilter()) {
                case UNREAD -> sql.append(" AND c.has_unread = TRUE");
                case READ -> sql.append(" AND c.has_unread = FALSE");
                default -> { }
            }
            sql.append(" AND c.last_activity_at >= :since");
            if (listing.after().isPresent()) {
                sql.append(" AND (c.last_activity_at < :afterAt"
                        + " OR (c.last_activity_at = :afterAt AND c.conversation_id < :afterId))");
            }
            if (listing.label().isPresent()) {
                sql.append(LABEL_FILTER);
            }
            listing.search().ifPresent(search -> appendSearch(sql, search));
            sql.append(" ORDER BY c.last_activity_at DESC, c.conversation_id DESC LIMIT :limit");
            return new ListingSql(sql.toString());
        }

        /** Binds the listing's values to a query made from {@link #text()} (or an EXPLAIN of it). */
        Query bind(Query query, String account, ConversationListing listing) {
            values(account, listing).forEach((name, value) -> query.bind(name, value));
            return query;
        }

        /** The values of the statement's named parameters, by name. */
        static Map<String, Object> values(String account, ConversationListing listing) {
            Map<String, Object> values = new HashMap<>();
            values.put("account", account);
            values.put("state", listing.state().name());
            values.put("since", time(listing.activeSince()));
            values.put("limit", listing.limit());
            if (listing.assignment() instanceof AssignmentFilter.AssignedTo assignedTo) {
                values.put("assignee", assignedTo.user().value());
            }
            listing.label().ifPresent(label -> values.put("label", label.value()));
            listing.after().ifPresent(cursor -> {
                values.put("afterAt", time(cursor.lastActivityAt()));
                values.put("afterId", cursor.conversationId().value());
            });
            listing.search().ifPresent(search -> {
                values.put("textPattern", LikePatterns.containing(search.text()));
                for (int i = 0; i < search.digitVariants().size(); i++) {
                    values.put("digits" + i, LikePatterns.containing(search.digitVariants().get(i)));
                }
            });
            return values;
        }

        /*
         * The label filter (F35) as an uncorrelated IN that names the account and the label as
         * bound parameters: PostgreSQL reads the label's conversations once (one range of
         * conversation_labels_label_ix) into a hashed sub-plan and keeps walking the keyset index,
         * each row's check a hash probe, so that the page still stops at its LIMIT; for a label
         * rarer than the walk's rows it may start from the label's rows instead. Either way the
         * cursor keeps its meaning: the filter only drops rows of the same order.
         */
        private static final String LABEL_FILTER = " AND c.conversation_id IN (SELECT cl.conversation_id"
                + " FROM conversation_labels cl WHERE cl.account_id = :account AND cl.label_id = :label)";

        /*
         * The search is a filter on the keyset walk. Both sub-queries name the account as a bound
         * parameter rather than through the correlation: PostgreSQL may turn an EXISTS inside an OR
         * into one hashed sub-plan evaluated once for the statement, and it must then read one
         * account's rows through an index, never the whole table. With a per-row sub-plan instead,
         * the walk stops at the page's end, which keeps common and short terms cheap. A term a
         * trigram index cannot narrow is matched against an expression no index serves
         * (LikePatterns.searchable): a cached generic plan would otherwise read the whole GIN index.
         */
        private static void appendSearch(StringBuilder sql, SearchTerm search) {
            String text = search.text();
            sql.append(" AND (EXISTS (SELECT 1 FROM contacts k WHERE k.account_id = :account"
                    + " AND k.phone_e164 = c.phone_e164 AND ")
                    .append(LikePatterns.searchable("k.search_name", text))
                    .append(" LIKE :textPattern ESCAPE '!')");
            for (int i = 0; i < search.digitVariants().size(); i++) {
                sql.append(" OR ").append(LikePatterns.searchable("c.phone_digits", search.digitVariants().get(i)))
                        .append(" LIKE :digits").append(i).append(" ESCAPE '!'");
            }
            sql.append(" OR EXISTS (SELECT 1 FROM messages m WHERE m.account_id = :account"
                    + " AND m.conversation_id = c.conversation_id AND m.created_at >= :since AND ")
                    .append(LikePatterns.searchable("m.body_lower", text))
                    .append(" LIKE :textPattern ESCAPE '!'))");
        }
    }
}
