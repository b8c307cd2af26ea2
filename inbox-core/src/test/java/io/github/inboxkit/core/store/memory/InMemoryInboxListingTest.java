package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxListingContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link InboxListingContract} against the in-memory store. */
class InMemoryInboxListingTest extends InboxListingContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
