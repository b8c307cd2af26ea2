package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.OutboxContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link OutboxContract} (the sending part of the store port) against the JDBC store on Postgres. */
class JdbcOnPostgresOutboxTest extends OutboxContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
