package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.OutboxContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link OutboxContract} against the in-memory store. */
class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
