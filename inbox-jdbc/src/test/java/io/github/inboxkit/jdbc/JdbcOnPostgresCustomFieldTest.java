package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.CustomFieldContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link CustomFieldContract} against the JDBC store on Postgres. */
class JdbcOnPostgresCustomFieldTest extends CustomFieldContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
