package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.IngestionContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link IngestionContract} against the in-memory store. */
class InMemoryIngestionTest extends IngestionContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
