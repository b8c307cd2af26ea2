package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.TeamContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link TeamContract} against the JDBC store on H2. */
class JdbcOnH2TeamTest extends TeamContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
