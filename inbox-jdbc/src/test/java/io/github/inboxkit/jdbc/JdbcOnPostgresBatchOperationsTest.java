package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.BatchOperationsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link BatchOperationsContract} (its batch operations) against the JDBC store on Postgres. */
class JdbcOnPostgresBatchOperationsTest extends BatchOperationsContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
