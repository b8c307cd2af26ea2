package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.TextPolicyPropertiesContract;

/** Runs the core's {@link TextPolicyPropertiesContract} properties against the JDBC store on H2. */
class JdbcOnH2TextPolicyProperties extends TextPolicyPropertiesContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
