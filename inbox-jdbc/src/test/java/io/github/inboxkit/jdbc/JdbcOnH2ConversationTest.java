package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ConversationContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ConversationContract} against the JDBC store on H2. */
class JdbcOnH2ConversationTest extends ConversationContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
