package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ConcurrencyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ConcurrencyContract} against the in-memory store. */
class InMemoryConcurrencyTest extends ConcurrencyContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
