package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.QuietHoursContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link QuietHoursContract} against the JDBC store on H2; the second node has its own pool. */
class JdbcOnH2QuietHoursTest extends QuietHoursContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }

    @Override
    protected InboxStore secondNode() {
        return SharedStores.h2SecondNode();
    }
}
