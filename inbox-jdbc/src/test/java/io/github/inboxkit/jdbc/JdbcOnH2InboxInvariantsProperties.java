package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxInvariantsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link InboxInvariantsContract} properties against the JDBC store on H2. */
class JdbcOnH2InboxInvariantsProperties extends InboxInvariantsContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
