package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.TextPolicyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link TextPolicyContract} against the in-memory store. */
class InMemoryTextPolicyTest extends TextPolicyContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
