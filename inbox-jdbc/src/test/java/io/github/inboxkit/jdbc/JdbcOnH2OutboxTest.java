package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.OutboxContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link OutboxContract} (the sending part of the store port) against the JDBC store on H2. */
class JdbcOnH2OutboxTest extends OutboxContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
