package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.QuietHoursContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link QuietHoursContract} against the JDBC store on PostgreSQL; the second node has its own pool. */
class JdbcOnPostgresQuietHoursTest extends QuietHoursContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }

    @Override
    protected InboxStore secondNode() {
        return SharedStores.postgresSecondNode();
    }
}
