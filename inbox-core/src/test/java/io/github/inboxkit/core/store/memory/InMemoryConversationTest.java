package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ConversationContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link ConversationContract} against the in-memory store. */
class InMemoryConversationTest extends ConversationContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
