package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.BlockingContract;

/** Runs the {@link BlockingContract} against the in-memory store. */
class InMemoryBlockingTest extends BlockingContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
