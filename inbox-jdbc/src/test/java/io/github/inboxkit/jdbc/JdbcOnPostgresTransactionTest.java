package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.TransactionContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link TransactionContract} against the JDBC store on Postgres. */
class JdbcOnPostgresTransactionTest extends TransactionContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
