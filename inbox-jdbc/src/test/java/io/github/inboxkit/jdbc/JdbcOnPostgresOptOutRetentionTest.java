package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.OptOutRetentionContract;
import io.github.inboxkit.core.store.SendingStore;

/** Runs the core's {@link OptOutRetentionContract} against the JDBC store on Postgres. */
class JdbcOnPostgresOptOutRetentionTest extends OptOutRetentionContract {

    @Override
    protected SendingStore newStore() {
        return SharedStores.postgres();
    }
}
