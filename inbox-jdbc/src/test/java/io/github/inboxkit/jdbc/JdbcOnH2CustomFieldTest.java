package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.CustomFieldContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link CustomFieldContract} against the JDBC store on H2. */
class JdbcOnH2CustomFieldTest extends CustomFieldContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
