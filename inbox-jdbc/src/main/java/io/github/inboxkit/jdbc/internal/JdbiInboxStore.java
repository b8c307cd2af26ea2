package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxPageRead;
import io.github.inboxkit.core.store.InboxPageReader;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import io.github.inboxkit.core.store.StoreException;
import io.github.inboxkit.core.store.TransactionWork;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * The store port on JDBI: each {@link #inTransaction} call borrows one pooled connection, runs the
 * use case in one read-committed transaction and returns the connection. The same SQL serves
 * PostgreSQL and H2, but for the migration files (search indexes), the writes of many rows and the
 * take from the broadcast recipients' queue, which PostgreSQL makes in one statement.
 *
 * <p>Thread-safe: holds only the JDBI instance, the account cache, the node's group commit of
 * inbound messages ({@link InboundBatcher}) and its copies of accounts' directories for inbox pages
 * ({@link Directories}).
 */
public final class JdbiInboxStore implements InboxStore, OutboxStatistics, InboxPageReader {

    /** The connections of units of work, and JDBI's handles over them when a statement needs one. */
    private final Session.Source sessions;
    private final Jdbi jdbi;
    private final AccountCache accountCache;
    private final boolean setBasedUpdates;
    /** On PostgreSQL, the node's group commit of inbound messages; null on H2. */
    private final InboundBatcher inboundBatcher;
    /** The node's copies of accounts' contacts and users, for inbox pages. */
    private final Directories directories;

    /**
     * @param dataSource a pooled data source on a migrated schema
     * @param cacheExpiry how long accounts are cached; zero disables the cache
     * @param setBasedUpdates whether the database updates many rows from arrays in one statement
     *     ({@code unnest}: PostgreSQL); otherwise a batch of single-row statements
     */
    public JdbiInboxStore(DataSource dataSource, Duration cacheExpiry, boolean setBasedUpdates) {
        this(dataSource, cacheExpiry, setBasedUpdates, DEFAULT_DIRECTORY_ENTRIES);
    }

    /**
     * @param dataSource a pooled data source on a migrated schema
     * @param cacheExpiry how long accounts are cached; zero disables the cache
     * @param setBasedUpdates whether the database updates many rows from arrays in one statement
     *     ({@code unnest}: PostgreSQL); otherwise a batch of single-row statements
     * @param directoryEntries the most contacts and users the node keeps for inbox pages
     *     ({@link Directories}); zero keeps none
     */
    public JdbiInboxStore(DataSource dataSource, Duration cacheExpiry, boolean setBasedUpdates, long directoryEntries) {
        this.sessions = new Session.Source(dataSource);
        this.jdbi = sessions.jdbi();
        this.accountCache = new AccountCache(cacheExpiry);
        this.setBasedUpdates = setBasedUpdates;
        this.inboundBatcher = setBasedUpdates ? new InboundBatcher() : null;
        this.directories = new Directories(directoryEntries);
    }

    /** The most contacts and users a node keeps for inbox pages unless told otherwise. */
    public static final long DEFAULT_DIRECTORY_ENTRIES = 100_000;

    /** @return the node's group commit of inbound messages (PostgreSQL), for its tests' counts */
    InboundBatcher inboundBatcher() {
        return inboundBatcher;
    }

    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return transaction(account, work::run);
    }

    /**
     * Reads an inbox page in one statement ({@link JdbiInboxPageQuery}) on a connection in
     * autocommit, as the pool hands it out: no transaction to begin or commit, so a page is one round
     * trip when the account is cached, two when it is read first, and one more when the node copies
     * the account's contacts and users ({@link Directories}).
     */
    @Override
    public Optional<InboxPageRead> readInboxPage(AccountId account, Function<Account, ConversationListing> listingFor) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(listingFor, "listingFor");
        try (Session session = sessions.open()) {
            // the account as every transaction reads it: from the cache, else its row
            Optional<Account> found = new JdbiStoreTransaction(session, account, accountCache, setBasedUpdates, null)
                    .accounts().findAccount();
            return found.map(value -> JdbiInboxPageQuery.read(session.connection(), account.value(),
                    listingFor.apply(value), setBasedUpdates, directories));
        } catch (SQLException e) {
            throw SqlErrors.translate("read an inbox page", e);
        }
    }

    /**
     * The start of the statements that read across accounts, as the port asks: the accounts having
     * a row of {@code table} (that meets {@code rowFilter}, if not empty), found by a recursive skip
     * scan of one index led by {@code account_id}: one index descent per account, so that the cost
     * follows the number of accounts with work, not the amount of work. A {@code SELECT DISTINCT}
     * read every row instead: 65 ms a dispatcher step with 200,000 queued messages.
     *
     * <p>Each descent is ordered by {@code indexOrder} (if not empty; else it is a {@code MIN}), the
     * columns after {@code account_id} of the index meant to serve it, so that only that index gives
     * the order for free: with {@code MIN(account_id)} PostgreSQL may
     * pick any index led by {@code account_id} and filter, and a plan that walked the outbox's
     * broadcast index read every sent message of an account before its first pending one (12 to 19
     * ms a step with 50,000 sent). Column names in {@code rowFilter} are the table's, unqualified.
     * The found accounts are {@code f.account_id}; the caller adds conditions ({@code AND ...}), the
     * order and the limit.
     */
    private static String accountsHaving(String table, String rowFilter, String indexOrder) {
        String where = rowFilter.isEmpty() ? "" : rowFilter + " AND ";
        String order = indexOrder.isEmpty() ? "" : " ORDER BY account_id, " + indexOrder + " LIMIT 1";
        String first = indexOrder.isEmpty() ? "MIN(account_id)" : "account_id";
        return "WITH RECURSIVE found_accounts (account_id) AS ("
                + " SELECT (SELECT " + first + " FROM " + table + (rowFilter.isEmpty() ? "" : " WHERE " + rowFilter)
                + order + ")"
                + " UNION ALL"
                + " SELECT (SELECT " + first + " FROM " + table + " r WHERE " + where
                + "r.account_id > f.account_id" + order + ") FROM found_accounts f WHERE f.account_id IS NOT NULL)"
                + " SELECT f.account_id FROM found_accounts f WHERE f.account_id IS NOT NULL";
    }

    /**
     * Which accounts have due outbox entries: the accounts with pending entries (a skip scan of the
     * partial claim index, which holds only pending rows), kept if the first of their pending
     * entries by due time that is claimable now exists (the claim index again, in its order).
     */
    static final String ACCOUNTS_WITH_CLAIMABLE_OUTBOX = accountsHaving("outbox_entries", "pending = TRUE",
            "due_at, message_id")
            + " AND (SELECT e.due_at FROM outbox_entries e WHERE e.account_id = f.account_id AND "
            + JdbiOutboxRows.CLAIMABLE + " ORDER BY e.due_at, e.message_id LIMIT 1) IS NOT NULL"
            + " ORDER BY f.account_id LIMIT :limit";

    /**
     * Which accounts have queued broadcast recipients: a skip scan by {@code MIN(account_id)}, which
     * either of the queue's indexes serves (no row is filtered out), and which PostgreSQL plans as an
     * index descent even when the queue's statistics are those of an empty table, as they are right
     * after a large broadcast is queued: ordered by the primary key instead, such a plan sorted the
     * whole queue for every step.
     */
    private static final String ACCOUNTS_WITH_QUEUED_RECIPIENTS = accountsHaving("broadcast_recipients", "", "")
            + " ORDER BY f.account_id LIMIT :limit";

    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        return accounts("find accounts with due messages", ACCOUNTS_WITH_CLAIMABLE_OUTBOX, query -> query
                .bind("now", JdbiRows.time(now))
                .bind("limit", limit));
    }

    /**
     * The outbox's pending entries of every account, in the four states of {@link QueueDepth}, and
     * the oldest due time: one pass over the pending rows, which the partial claim index holds
     * (WHERE pending), so the cost follows the backlog and not the history of sent messages. The
     * same statement serves PostgreSQL and H2. It reads across accounts, as the other monitoring and
     * dispatcher reads of the port do, and is an aggregate a distributed PostgreSQL runs on every
     * shard.
     */
    static final String OUTBOX_DEPTH = "SELECT"
            + " COALESCE(SUM(CASE WHEN " + JdbiOutboxRows.CLAIMABLE + " THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'SCHEDULED' AND due_at > :now THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'QUEUED' AND due_at > :now THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'SENDING' AND (due_at > :now OR lease_until > :now) THEN 1 ELSE 0 END), 0),"
            + " MIN(CASE WHEN " + JdbiOutboxRows.CLAIMABLE + " THEN due_at END)"
            + " FROM outbox_entries WHERE pending = TRUE";

    @Override
    public QueueDepth outboxDepth(Instant now) {
        Objects.requireNonNull(now, "now");
        try {
            return jdbi.withHandle(handle -> handle.createQuery(OUTBOX_DEPTH)
                    .bind("now", JdbiRows.time(now))
                    .map((rs, ctx) -> {
                        OffsetDateTime oldestDue = rs.getObject(5, OffsetDateTime.class);
                        return new QueueDepth(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                oldestDue == null ? Duration.ZERO : Duration.between(oldestDue.toInstant(), now));
                    })
                    .one());
        } catch (JdbiException e) {
            throw SqlErrors.translate("read the outbox depth", e);
        }
    }

    /**
     * Which accounts have a due snooze (F37): the accounts with a snooze that has a wake time (a
     * skip scan of the snooze index, which on PostgreSQL holds only those), kept if their earliest
     * wake time has come (the same index, in its order).
     */
    static final String ACCOUNTS_WITH_DUE_SNOOZES = accountsHaving("conversations", "snoozed_until IS NOT NULL",
            "snoozed_until")
            + " AND (SELECT e.snoozed_until FROM conversations e WHERE e.account_id = f.account_id"
            + " AND e.snoozed_until IS NOT NULL ORDER BY e.snoozed_until LIMIT 1) <= :now"
            + " ORDER BY f.account_id LIMIT :limit";

    @Override
    public List<AccountId> accountsWithDueSnoozes(Instant now, int limit) {
        return accounts("find accounts with due snoozes", ACCOUNTS_WITH_DUE_SNOOZES, query -> query
                .bind("now", JdbiRows.time(now))
                .bind("limit", limit));
    }

    @Override
    public List<AccountId> accountsWithQueuedRecipients(int limit) {
        return accounts("find accounts with queued broadcast recipients", ACCOUNTS_WITH_QUEUED_RECIPIENTS,
                query -> query.bind("limit", limit));
    }

    @Override
    public List<AccountId> listAccountIds() {
        return accounts("list accounts", "SELECT account_id FROM accounts ORDER BY account_id", query -> query);
    }

    @Override
    public Optional<AccountId> accountOwningNumber(String number) {
        Objects.requireNonNull(number, "number");
        try {
            return jdbi.withHandle(handle -> numberOwner(handle, number));
        } catch (JdbiException e) {
            throw SqlErrors.translate("find the account of a receiving number", e);
        }
    }

    /** The owner of a receiving number: one primary-key read of the one table not led by the account. */
    static Optional<AccountId> numberOwner(Handle handle, String number) {
        return handle.createQuery("SELECT account_id FROM receiving_numbers WHERE number = :number")
                .bind("number", number)
                .map((rs, ctx) -> AccountId.of(rs.getString(1)))
                .findOne();
    }

    /** Runs a statement that reads account ids across accounts, outside any account's transaction. */
    private List<AccountId> accounts(String operation, String sql, UnaryOperator<Query> bind) {
        try {
            return jdbi.withHandle(handle -> bind.apply(handle.createQuery(sql))
                    .map((rs, ctx) -> AccountId.of(rs.getString(1)))
                    .list());
        } catch (JdbiException e) {
            throw SqlErrors.translate(operation, e);
        }
    }

    private <T> T transaction(AccountId account, Function<JdbiStoreTransaction, T> work) {
        Objects.requireNonNull(account, "account");
        Session session;
        try {
            session = sessions.open();
        } catch (SQLException | RuntimeException e) {
            throw SqlErrors.translate("open a connection", e);
        }
        JdbiStoreTransaction transaction = new JdbiStoreTransaction(session, account, accountCache, setBasedUpdates,
                inboundBatcher);
        T result;
        try {
            try {
                // read committed is the default of PostgreSQL and H2 and all the port needs; not set
                // here, as setting it costs a round trip per transaction
                session.begin();
            } catch (SQLException | RuntimeException e) {
                throw SqlErrors.translate("begin a transaction", e);
            }
            try {
                result = work.apply(transaction);
                transaction.beforeCommit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(session, e);
                throw e;
            }
            try {
                session.commit();
            } catch (SQLException | RuntimeException e) {
                StoreException failure = SqlErrors.translateCommit(e);
                rollbackQuietly(session, failure);
                throw failure;
            }
        } finally {
            if (transaction.accountWritten()) {
                // after the commit (or rollback): no other thread can re-cache the old value from here on
                accountCache.invalidate(account);
            }
            if (transaction.directoryWritten()) {
                // not needed for pages (they check the version), but an erased contact leaves memory
                directories.forget(account.value());
            }
            session.close();
        }
        return result;
    }

    private static void rollbackQuietly(Session session, Throwable primary) {
        try {
            session.rollback();
        } catch (SQLException | RuntimeException e) {
            // the connection may be dead (killed backend): the database rolls back on its own
            primary.addSuppressed(e);
        }
    }
}
