package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.WebhookFrontDoorContract;

/** Runs the core's {@link WebhookFrontDoorContract} against the JDBC store on Postgres. */
class JdbcOnPostgresWebhookFrontDoorTest extends WebhookFrontDoorContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }
}
