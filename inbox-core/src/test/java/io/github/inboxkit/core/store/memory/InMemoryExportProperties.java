package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ExportPropertiesContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ExportPropertiesContract} properties against the in-memory store. */
class InMemoryExportProperties extends ExportPropertiesContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
