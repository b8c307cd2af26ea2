package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.IdempotencyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link IdempotencyContract} against the JDBC store on PostgreSQL; the second node has its own pool. */
class JdbcOnPostgresIdempotencyTest extends IdempotencyContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }

    @Override
    protected InboxStore secondNode() {
        return SharedStores.postgresSecondNode();
    }
}
