package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.store.CounterRows;

/**
 * The inbox counters (F11) of one account in memory: {@link CounterRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryCounters extends MemoryRows implements CounterRows {

    /**
     * The account's counters row. Guarded by the account's lock; every write goes through the
     * transaction's undo log.
     */
    static final class Tables {
        InboxCounters counters = InboxCounters.zero();

    }

    private final Tables tables;

    MemoryCounters(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- counters -----

    @Override
    public InboxCounters counters() {
        checkOpen();
        return tables.counters;
    }

    @Override
    public void adjustCounters(long openDelta, long closedDelta, long unreadConversationsDelta) {
        checkOpen();
        InboxCounters previous = tables.counters;
        tables.counters = new InboxCounters(
                previous.openConversations() + openDelta,
                previous.closedConversations() + closedDelta,
                previous.unreadConversations() + unreadConversationsDelta);
        undo(() -> tables.counters = previous);
    }

    /** Sets the counters to zero, as a new account has them. */
    void reset() {
        InboxCounters previous = tables.counters;
        tables.counters = InboxCounters.zero();
        undo(() -> tables.counters = previous);
    }
}
