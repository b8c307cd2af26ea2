package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ContactContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ContactContract} against the JDBC store on Postgres. */
class JdbcOnPostgresContactTest extends ContactContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
