package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.WebhookFrontDoorContract;

/** Runs the {@link WebhookFrontDoorContract} against the in-memory store. */
class InMemoryWebhookFrontDoorTest extends WebhookFrontDoorContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
