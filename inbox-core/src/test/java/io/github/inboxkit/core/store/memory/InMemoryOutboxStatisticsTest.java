package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.OutboxStatisticsContract;
import io.github.inboxkit.core.store.SendingStore;

/** Runs the {@link OutboxStatisticsContract} against the in-memory store. */
class InMemoryOutboxStatisticsTest extends OutboxStatisticsContract {

    @Override
    protected SendingStore newStore() {
        return InMemoryInboxStore.create();
    }
}
