package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.BatchOperationsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link BatchOperationsContract} against the in-memory store (the port's default batch operations). */
class InMemoryBatchOperationsTest extends BatchOperationsContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
