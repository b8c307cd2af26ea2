package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.IdempotencyContract;
import io.github.inboxkit.core.store.SendingStore;

/** Runs {@link IdempotencyContract} against the in-memory store; two engines share one store object. */
class InMemoryIdempotencyTest extends IdempotencyContract {

    @Override
    protected SendingStore newStore() {
        return InMemoryInboxStore.create();
    }
}
