package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.SnoozeContract;

/** Runs the core's {@link SnoozeContract} against the JDBC store on H2; the second node has its own pool. */
class JdbcOnH2SnoozeTest extends SnoozeContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }

    @Override
    protected InboxStore secondNode() {
        return SharedStores.h2SecondNode();
    }
}
