package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ExportContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ExportContract} against the JDBC store on H2. */
class JdbcOnH2ExportTest extends ExportContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
