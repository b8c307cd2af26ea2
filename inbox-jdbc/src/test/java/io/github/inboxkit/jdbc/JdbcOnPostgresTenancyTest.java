package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.TenancyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link TenancyContract} against the JDBC store on Postgres. */
class JdbcOnPostgresTenancyTest extends TenancyContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
