package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.IdempotencyContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs {@link IdempotencyContract} against the in-memory store; two engines share one store object. */
class InMemoryIdempotencyTest extends IdempotencyContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
