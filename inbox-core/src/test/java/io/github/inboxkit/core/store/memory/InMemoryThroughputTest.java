package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ThroughputContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs {@link ThroughputContract} against the in-memory store; one node, whose buckets the store keeps in memory. */
class InMemoryThroughputTest extends ThroughputContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
