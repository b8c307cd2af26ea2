package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.BlockingContract;

/** Runs the core's {@link BlockingContract} against the JDBC store on H2. */
class JdbcOnH2BlockingTest extends BlockingContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
