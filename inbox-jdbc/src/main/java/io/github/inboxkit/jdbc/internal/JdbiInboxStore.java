package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.SendingStore;
import io.github.inboxkit.core.store.SendingWork;
import io.github.inboxkit.core.store.StoreException;
import io.github.inboxkit.core.store.TransactionWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The store port (with the sending pipeline's part) on JDBI: each {@link #inTransaction} call borrows one pooled connection, runs the
 * use case in one read-committed transaction and returns the connection. The same SQL serves
 * PostgreSQL and H2, but for the migration files (search indexes) and the updates of many rows,
 * which PostgreSQL makes in one statement.
 *
 * <p>Thread-safe: holds only the JDBI instance and the account cache.
 */
public final class JdbiInboxStore implements SendingStore {

    private final Jdbi jdbi;
    private final AccountCache accountCache;
    private final boolean setBasedUpdates;

    /**
     * @param dataSource a pooled data source on a migrated schema
     * @param cacheExpiry how long accounts are cached; zero disables the cache
     * @param setBasedUpdates whether the database updates many rows from arrays in one statement
     *     ({@code unnest}: PostgreSQL); otherwise a batch of single-row statements
     */
    public JdbiInboxStore(DataSource dataSource, Duration cacheExpiry, boolean setBasedUpdates) {
        this.jdbi = Jdbi.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.accountCache = new AccountCache(cacheExpiry);
        this.setBasedUpdates = setBasedUpdates;
    }

    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return transaction(account, work::run);
    }

    @Override
    public <T> T inSendingTransaction(AccountId account, SendingWork<T> work) {
        Objects.requireNonNull(work, "work");
        return transaction(account, work::run);
    }

    /**
     * The only statement that reads across accounts, as the port asks: which accounts have due
     * outbox entries. The accounts with pending entries, one index descent each (a skip scan of
     * the partial claim index, which holds only pending rows), kept if one of their entries is
     * claimable now; its cost follows the number of accounts with a backlog, not the backlog. A
     * {@code SELECT DISTINCT} over the pending rows read the whole backlog on every dispatcher step:
     * 65 ms a step with 200,000 queued messages.
     */
    private static final String ACCOUNTS_WITH_CLAIMABLE_OUTBOX = "WITH RECURSIVE pending_accounts (account_id) AS ("
            + " SELECT MIN(account_id) FROM outbox_entries WHERE pending = TRUE"
            + " UNION ALL"
            + " SELECT (SELECT MIN(o.account_id) FROM outbox_entries o WHERE o.pending = TRUE"
            + " AND o.account_id > p.account_id) FROM pending_accounts p WHERE p.account_id IS NOT NULL)"
            + " SELECT p.account_id FROM pending_accounts p WHERE p.account_id IS NOT NULL"
            + " AND EXISTS (SELECT 1 FROM outbox_entries e WHERE e.account_id = p.account_id AND "
            + JdbiSendingTransaction.CLAIMABLE + ")"
            + " ORDER BY p.account_id LIMIT :limit";

    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery(ACCOUNTS_WITH_CLAIMABLE_OUTBOX)
                    .bind("now", JdbiAccountTransaction.time(now))
                    .bind("limit", limit)
                    .map((rs, ctx) -> AccountId.of(rs.getString(1)))
                    .list());
        } catch (JdbiException e) {
            throw SqlErrors.translate("find accounts with due messages", e);
        }
    }

    @Override
    public List<AccountId> listAccountIds() {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT account_id FROM accounts ORDER BY account_id")
                    .map((rs, ctx) -> AccountId.of(rs.getString(1)))
                    .list());
        } catch (JdbiException e) {
            throw SqlErrors.translate("list accounts", e);
        }
    }

    private <T> T transaction(AccountId account, Function<JdbiSendingTransaction, T> work) {
        Objects.requireNonNull(account, "account");
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (JdbiException e) {
            throw SqlErrors.translate("open a connection", e);
        }
        JdbiSendingTransaction transaction = new JdbiSendingTransaction(handle, account, accountCache, setBasedUpdates);
        T result;
        try {
            try {
                // read committed is the default of PostgreSQL and H2 and all the port needs; not set
                // here, as setting it costs a round trip per transaction
                handle.begin();
            } catch (JdbiException e) {
                throw SqlErrors.translate("begin a transaction", e);
            }
            try {
                result = work.apply(transaction);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle, e);
                throw e;
            }
            try {
                handle.commit();
            } catch (JdbiException e) {
                StoreException failure = SqlErrors.translate("commit", e);
                rollbackQuietly(handle, failure);
                throw failure;
            }
        } finally {
            if (transaction.accountWritten()) {
                // after the commit (or rollback): no other thread can re-cache the old value from here on
                accountCache.invalidate(account);
            }
            closeQuietly(handle);
        }
        return result;
    }

    private static void rollbackQuietly(Handle handle, Throwable primary) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            // the connection may be dead (killed backend): the database rolls back on its own
            primary.addSuppressed(e);
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // a broken connection is evicted by the pool; the transaction's outcome is already decided
        }
    }
}
