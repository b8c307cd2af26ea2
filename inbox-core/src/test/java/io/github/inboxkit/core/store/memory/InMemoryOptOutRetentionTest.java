package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.OptOutRetentionContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link OptOutRetentionContract} against the in-memory store. */
class InMemoryOptOutRetentionTest extends OptOutRetentionContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
