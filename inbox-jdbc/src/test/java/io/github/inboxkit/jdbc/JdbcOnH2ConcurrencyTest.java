package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ConcurrencyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ConcurrencyContract} against the JDBC store on H2. */
class JdbcOnH2ConcurrencyTest extends ConcurrencyContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
