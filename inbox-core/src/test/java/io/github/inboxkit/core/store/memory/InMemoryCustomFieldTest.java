package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.CustomFieldContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link CustomFieldContract} against the in-memory store. */
class InMemoryCustomFieldTest extends CustomFieldContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
