package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ExportContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ExportContract} against the JDBC store on Postgres. */
class JdbcOnPostgresExportTest extends ExportContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
