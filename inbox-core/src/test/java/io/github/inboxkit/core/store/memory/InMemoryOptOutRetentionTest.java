package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.OptOutRetentionContract;
import io.github.inboxkit.core.store.SendingStore;

/** Runs the {@link OptOutRetentionContract} against the in-memory store. */
class InMemoryOptOutRetentionTest extends OptOutRetentionContract {

    @Override
    protected SendingStore newStore() {
        return InMemoryInboxStore.create();
    }
}
