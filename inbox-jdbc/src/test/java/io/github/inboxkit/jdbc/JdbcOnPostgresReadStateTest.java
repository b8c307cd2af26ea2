package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ReadStateContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ReadStateContract} against the JDBC store on Postgres. */
class JdbcOnPostgresReadStateTest extends ReadStateContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
