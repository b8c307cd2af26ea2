package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxPageReaderContract;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.TransactionalPageReader;

/** Runs the {@link InboxPageReaderContract} against its reference: the in-memory store's transactions. */
class InMemoryInboxPageReaderTest extends InboxPageReaderContract {

    @Override
    protected InboxStore newStore() {
        return new TransactionalPageReader(InMemoryInboxStore.create());
    }
}
