package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.ConversationContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the core's {@link ConversationContract} against the JDBC store on Postgres. */
class JdbcOnPostgresConversationTest extends ConversationContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
