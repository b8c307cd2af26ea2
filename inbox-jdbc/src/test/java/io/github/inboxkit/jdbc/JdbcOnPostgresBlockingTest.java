package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.BlockingContract;

/** Runs the core's {@link BlockingContract} against the JDBC store on Postgres. */
class JdbcOnPostgresBlockingTest extends BlockingContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
