package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ConsentLedgerContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ConsentLedgerContract} against the JDBC store on Postgres. */
class JdbcOnPostgresConsentLedgerTest extends ConsentLedgerContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
