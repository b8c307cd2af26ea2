package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ReadStateContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ReadStateContract} against the JDBC store on H2. */
class JdbcOnH2ReadStateTest extends ReadStateContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
