package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxListingContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link InboxListingContract} against the JDBC store on H2. */
class JdbcOnH2InboxListingTest extends InboxListingContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
