package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.IngestionContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link IngestionContract} against the JDBC store on Postgres. */
class JdbcOnPostgresIngestionTest extends IngestionContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
