package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.IngestionRulesContract;

/** Runs the {@link IngestionRulesContract} against the in-memory store. */
class InMemoryIngestionRulesTest extends IngestionRulesContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
