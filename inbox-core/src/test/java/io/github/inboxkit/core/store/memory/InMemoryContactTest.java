package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ContactContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ContactContract} against the in-memory store. */
class InMemoryContactTest extends ContactContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
