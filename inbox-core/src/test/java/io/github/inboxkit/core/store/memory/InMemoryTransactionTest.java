package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.TransactionContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link TransactionContract} against the in-memory store. */
class InMemoryTransactionTest extends TransactionContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
