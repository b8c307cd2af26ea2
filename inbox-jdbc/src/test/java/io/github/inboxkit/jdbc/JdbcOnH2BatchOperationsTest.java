package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.BatchOperationsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link BatchOperationsContract} (its batch operations) against the JDBC store on H2. */
class JdbcOnH2BatchOperationsTest extends BatchOperationsContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
