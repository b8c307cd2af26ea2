package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.NotesContract;

/** Runs the core's {@link NotesContract} against the JDBC store on Postgres. */
class JdbcOnPostgresNotesTest extends NotesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
