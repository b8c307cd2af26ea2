package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ThroughputContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ThroughputContract} against the JDBC store on PostgreSQL. */
class JdbcOnPostgresThroughputTest extends ThroughputContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }

}
