package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.TenancyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link TenancyContract} against the in-memory store. */
class InMemoryTenancyTest extends TenancyContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
