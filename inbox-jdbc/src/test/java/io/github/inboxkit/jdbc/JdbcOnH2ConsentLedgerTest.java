package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ConsentLedgerContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ConsentLedgerContract} against the JDBC store on H2. */
class JdbcOnH2ConsentLedgerTest extends ConsentLedgerContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
