package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ConcurrencyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ConcurrencyContract} against the JDBC store on Postgres. */
class JdbcOnPostgresConcurrencyTest extends ConcurrencyContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
