package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.NotesContract;

/** Runs the {@link NotesContract} against the in-memory store. */
class InMemoryNotesTest extends NotesContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
