package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ConsentLedgerContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ConsentLedgerContract} against the in-memory store. */
class InMemoryConsentLedgerTest extends ConsentLedgerContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
