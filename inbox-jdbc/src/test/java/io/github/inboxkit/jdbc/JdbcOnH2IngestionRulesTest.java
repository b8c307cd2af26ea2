package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.IngestionRulesContract;

/** Runs the core's {@link IngestionRulesContract} against the JDBC store on H2. */
class JdbcOnH2IngestionRulesTest extends IngestionRulesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
