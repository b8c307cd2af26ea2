package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ThroughputContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ThroughputContract} against the JDBC store on H2. */
class JdbcOnH2ThroughputTest extends ThroughputContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }

}
