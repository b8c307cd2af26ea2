package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.OptOutRetentionContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link OptOutRetentionContract} against the JDBC store on H2. */
class JdbcOnH2OptOutRetentionTest extends OptOutRetentionContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
