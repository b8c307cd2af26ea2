package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxListingContract;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.TransactionalPageReader;

/**
 * Runs the {@link InboxListingContract} against the in-memory store with an inbox page read model,
 * so that the engine reads its first pages in one read, as it does on the JDBC store.
 */
class InMemoryPageReaderListingTest extends InboxListingContract {

    @Override
    protected InboxStore newStore() {
        return new TransactionalPageReader(InMemoryInboxStore.create());
    }
}
