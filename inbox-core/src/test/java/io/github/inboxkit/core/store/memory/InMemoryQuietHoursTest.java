package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.QuietHoursContract;
import io.github.inboxkit.core.store.InboxStore;

/** Runs {@link QuietHoursContract} against the in-memory store; two engines share one store object. */
class InMemoryQuietHoursTest extends QuietHoursContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }
}
