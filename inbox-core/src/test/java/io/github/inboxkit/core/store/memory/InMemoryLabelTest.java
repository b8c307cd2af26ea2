package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.LabelContract;

/** Runs the {@link LabelContract} against the in-memory store. */
class InMemoryLabelTest extends LabelContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
