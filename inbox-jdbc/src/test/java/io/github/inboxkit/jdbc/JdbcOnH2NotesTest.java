package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.NotesContract;

/** Runs the core's {@link NotesContract} against the JDBC store on H2. */
class JdbcOnH2NotesTest extends NotesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
