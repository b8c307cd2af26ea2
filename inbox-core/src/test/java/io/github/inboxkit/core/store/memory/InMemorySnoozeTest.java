package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.SnoozeContract;

/** Runs the {@link SnoozeContract} against the in-memory store. */
class InMemorySnoozeTest extends SnoozeContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
