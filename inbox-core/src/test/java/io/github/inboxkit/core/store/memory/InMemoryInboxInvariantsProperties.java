package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxInvariantsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link InboxInvariantsContract} properties against the in-memory store. */
class InMemoryInboxInvariantsProperties extends InboxInvariantsContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
