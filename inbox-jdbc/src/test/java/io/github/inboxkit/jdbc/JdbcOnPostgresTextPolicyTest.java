package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.TextPolicyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link TextPolicyContract} against the JDBC store on Postgres. */
class JdbcOnPostgresTextPolicyTest extends TextPolicyContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
