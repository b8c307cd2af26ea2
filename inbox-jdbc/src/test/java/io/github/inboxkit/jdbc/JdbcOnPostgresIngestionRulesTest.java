package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.IngestionRulesContract;

/** Runs the core's {@link IngestionRulesContract} against the JDBC store on Postgres. */
class JdbcOnPostgresIngestionRulesTest extends IngestionRulesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
