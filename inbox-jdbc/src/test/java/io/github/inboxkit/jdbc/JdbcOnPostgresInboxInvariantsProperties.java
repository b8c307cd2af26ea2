package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxInvariantsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link InboxInvariantsContract} properties against the JDBC store on Postgres. */
class JdbcOnPostgresInboxInvariantsProperties extends InboxInvariantsContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
