package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ExportPropertiesContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ExportPropertiesContract} properties against the JDBC store on H2. */
class JdbcOnH2ExportProperties extends ExportPropertiesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
