package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.TextPolicyPropertiesContract;

/** Runs the core's {@link TextPolicyPropertiesContract} properties against the JDBC store on Postgres. */
class JdbcOnPostgresTextPolicyProperties extends TextPolicyPropertiesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
