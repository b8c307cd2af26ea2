package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.TeamContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link TeamContract} against the JDBC store on Postgres. */
class JdbcOnPostgresTeamTest extends TeamContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
