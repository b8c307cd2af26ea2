package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.TeamContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs the {@link TeamContract} against the in-memory store. */
class InMemoryTeamTest extends TeamContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
