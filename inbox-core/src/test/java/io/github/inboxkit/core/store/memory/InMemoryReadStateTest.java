package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ReadStateContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ReadStateContract} against the in-memory store. */
class InMemoryReadStateTest extends ReadStateContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
