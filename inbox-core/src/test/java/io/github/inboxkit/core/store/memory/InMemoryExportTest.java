package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ExportContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ExportContract} against the in-memory store. */
class InMemoryExportTest extends ExportContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
