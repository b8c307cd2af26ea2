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
 * PostgreSQL and H2; the dialects differ only in their migration files (search indexes).
 *
 * <p>Thread-safe: holds only the JDBI instance and the account cache.
 */
public final class JdbiInboxStore implements SendingStore {

    private final Jdbi jdbi;
    private final AccountCache accountCache;

    /**
     * @param dataSource a pooled data source on a migrated schema
     * @param cacheExpiry how long accounts are cached; zero disables the cache
     */
    public JdbiInboxStore(DataSource dataSource, Duration cacheExpiry) {
        this.jdbi = Jdbi.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.accountCache = new AccountCache(cacheExpiry);
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

    /*
     * The only statement that reads across accounts, as the port asks: which accounts have due
     * outbox entries. On PostgreSQL it reads the partial claim index, which holds pending entries
     * only, so its cost follows the backlog, not the history.
     */
    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        try {
            return jdbi.withHandle(handle -> handle
                    .createQuery("SELECT DISTINCT account_id FROM outbox_entries WHERE "
                            + JdbiSendingTransaction.CLAIMABLE + " ORDER BY account_id LIMIT :limit")
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
        JdbiSendingTransaction transaction = new JdbiSendingTransaction(handle, account, accountCache);
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
