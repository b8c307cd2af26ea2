package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.LabelContract;

/** Runs the core's {@link LabelContract} against the JDBC store on H2. */
class JdbcOnH2LabelTest extends LabelContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
