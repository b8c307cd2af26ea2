package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.TextPolicyPropertiesContract;

/** Runs the {@link TextPolicyPropertiesContract} properties against the in-memory store. */
class InMemoryTextPolicyProperties extends TextPolicyPropertiesContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
