package io.github.inboxkit.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.jdbc.TestDatabases;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.SearchTerm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the tests that read PostgreSQL's plans and counters share: a fresh database with the
 * library's schema for the test class (opened before its own {@code @BeforeAll}, closed after it),
 * a generated inbox and the listings of its filter combinations, generated outbox entries, and the
 * generic plan of a statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PostgresPlans {

    /** The test class's database. */
    protected HikariDataSource pool;
    /** JDBI on {@link #pool}. */
    protected Jdbi jdbi;
    /** The time the data set is generated around. */
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeAll
    final void openMigratedDatabase() {
        pool = TestDatabases.freshPostgres(2);
        new SchemaMigrator(pool, "classpath:io/github/inboxkit/jdbc/migration/postgresql").migrate();
        jdbi = Jdbi.create(pool);
    }

    @AfterAll
    final void closeDatabase() {
        pool.close();
    }

    /**
     * Generates the inbox of {@link DataSetSql} (accounts {@code acct-1} and on), repeatably; the
     * caller analyses the tables once it has added what it needs.
     *
     * @param handle the connection
     * @param accounts how many accounts
     * @param perAccount how many conversations each
     * @param messagesPerConversation how many messages each conversation
     */
    protected void generateInbox(Handle handle, int accounts, int perAccount, int messagesPerConversation) {
        handle.execute("SELECT setseed(0.42)");
        handle.createUpdate(DataSetSql.CONVERSATIONS)
                .bind("accounts", accounts).bind("perAccount", perAccount)
                .bind("now", JdbiRows.time(now)).execute();
        handle.createUpdate(DataSetSql.MESSAGES).bind("perConversation", messagesPerConversation).execute();
        handle.execute(DataSetSql.CONTACTS);
    }

    /**
     * Adds the users of the data set's accounts ({@code user-1} to {@code user-5} in each of {@code
     * acct-1} to {@code acct-<accounts>}) and their counters rows: what an inbox page joins.
     *
     * @param handle the connection
     * @param accounts how many accounts
     */
    protected static void addUsersAndCounters(Handle handle, int accounts) {
        handle.createUpdate("INSERT INTO users (account_id, user_id, display_name, created_at)"
                + " SELECT 'acct-' || a, 'user-' || u, 'User ' || u, now()"
                + " FROM generate_series(1, :accounts) a, generate_series(1, 5) u").bind("accounts", accounts).execute();
        handle.createUpdate("INSERT INTO account_counters (account_id) SELECT 'acct-' || a"
                + " FROM generate_series(1, :accounts) a").bind("accounts", accounts).execute();
    }

    /**
     * The listings of every filter combination of the inbox: 2 tabs x 3 assignment filters (all,
     * unassigned, {@code user-3}) x 3 read filters, each as a first and as a next page: 36.
     *
     * @return the listings
     */
    protected List<ConversationListing> everyFilterCombination() {
        List<ConversationListing> listings = new ArrayList<>();
        for (ConversationState state : ConversationState.values()) {
            for (AssignmentFilter assignment : List.of(AssignmentFilter.all(), AssignmentFilter.unassigned(),
                    AssignmentFilter.assignedTo(UserId.of("user-3")))) {
                for (ReadFilter read : ReadFilter.values()) {
                    for (boolean nextPage : new boolean[] {false, true}) {
                        listings.add(listing(state, assignment, read, nextPage, Optional.empty()));
                    }
                }
            }
        }
        return listings;
    }

    /**
     * A listing of 50 rows active in the last 90 days; a next page starts after a random id three
     * days ago.
     */
    protected ConversationListing listing(ConversationState state, AssignmentFilter assignment, ReadFilter read,
            boolean nextPage, Optional<SearchTerm> search) {
        return ConversationListing.builder()
                .state(state).assignment(assignment).readFilter(read).search(search)
                .activeSince(now.minus(90, ChronoUnit.DAYS))
                .after(nextPage
                        ? Optional.of(new InboxCursor(now.minus(3, ChronoUnit.DAYS), new ConversationId(UUID.randomUUID())))
                        : Optional.empty())
                .limit(50)
                .build();
    }

    /** Whether a plan reads conversations, messages or contacts sequentially. */
    protected static boolean seqScanOnBigTables(String plan) {
        return plan.contains("Seq Scan on conversations") || plan.contains("Seq Scan on messages")
                || plan.contains("Seq Scan on contacts");
    }

    /**
     * Generates {@code :count} outbox entries of one account (numbers cycle through 10,000), due one
     * millisecond apart from {@code :dueAt}, {@code :direction} 1 (later) or -1 (earlier). Binds
     * {@code :account}, {@code :status}, {@code :pending}, {@code :broadcast} (a uuid as text or
     * null), {@code :scheduledAt} and {@code :zone} (both null unless scheduled) too.
     */
    static final String OUTBOX_ENTRIES = "INSERT INTO outbox_entries (account_id, message_id, conversation_id,"
            + " recipient, status, pending, carrier_id, sender_kind, sender_value, body, media, segment_count, encoding,"
            + " attempts, due_at, broadcast_id, scheduled_at, scheduled_zone, created_at, updated_at)"
            + " SELECT :account, gen_random_uuid(), gen_random_uuid(), '+1415555' || lpad((i % 10000)::text, 4, '0'),"
            + " :status, :pending, 'simulator', 'LONG_CODE', '+14155550100', 'Sale', '[]', 1, 'GSM_7', 0,"
            + " :dueAt + (i * :direction || ' milliseconds')::interval, CAST(:broadcast AS uuid), :scheduledAt, :zone,"
            + " :dueAt, :dueAt FROM generate_series(1, :count) AS i";

    /**
     * The plan PostgreSQL caches for a prepared statement once it stops planning per value.
     *
     * @param pool the database
     * @param sql the statement with named parameters
     * @param names its parameters' names (without the colon), numbered $1, $2... in this order
     */
    static String explainGeneric(HikariDataSource pool, String sql, List<String> names) {
        String numbered = sql;
        for (int i = 0; i < names.size(); i++) {
            numbered = numbered.replace(":" + names.get(i), "$" + (i + 1));
        }
        // the simple query protocol sends $n to the server as written, which EXPLAIN (GENERIC_PLAN) accepts
        try (Handle handle = Jdbi.create(pool.getJdbcUrl() + (pool.getJdbcUrl().contains("?") ? "&" : "?")
                + "preferQueryMode=simple", "postgres", "").open()) {
            return handle.createQuery("EXPLAIN (GENERIC_PLAN) " + numbered)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }
}
