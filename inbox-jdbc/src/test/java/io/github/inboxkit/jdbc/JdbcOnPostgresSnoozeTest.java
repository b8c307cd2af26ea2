package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.SnoozeContract;

/** Runs the core's {@link SnoozeContract} against the JDBC store on Postgres; the second node has its own pool. */
class JdbcOnPostgresSnoozeTest extends SnoozeContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }

    @Override
    protected InboxStore secondNode() {
        return SharedStores.postgresSecondNode();
    }
}
