package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxPageReaderContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link InboxPageReaderContract} against the JDBC store on H2. */
class JdbcOnH2InboxPageReaderTest extends InboxPageReaderContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
