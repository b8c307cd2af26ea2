package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.WebhookFrontDoorContract;

/** Runs the core's {@link WebhookFrontDoorContract} against the JDBC store on H2. */
class JdbcOnH2WebhookFrontDoorTest extends WebhookFrontDoorContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.h2();
    }
}
