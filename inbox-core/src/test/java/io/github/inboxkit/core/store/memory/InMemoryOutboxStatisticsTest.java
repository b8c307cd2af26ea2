package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.OutboxStatisticsContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link OutboxStatisticsContract} against the in-memory store. */
class InMemoryOutboxStatisticsTest extends OutboxStatisticsContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
