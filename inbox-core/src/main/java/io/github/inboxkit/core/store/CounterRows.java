package io.github.inboxkit.core.store;

import io.github.inboxkit.core.inbox.InboxCounters;

/**
 * Port of one aggregate of the store: the account's inbox counters (F11) (table {@code
 * account_counters} in the SQL stores). Reached through {@link StoreTransaction#counters()}; every
 * operation is scoped to the transaction's account ({@link StoreTransaction#accountId()}): every
 * read sees only that account's rows and every write goes to that account. An implementation reads
 * and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface CounterRows {

    /**
     * Reads the account's counters (F11); one row, no counting.
     *
     * @return the counters, zero for an account without conversations
     */
    InboxCounters counters();

    /**
     * Adds deltas to the account's counters, atomically ({@code UPDATE ... SET open = open + ?}).
     *
     * @param openDelta change of the open-conversation count
     * @param closedDelta change of the closed-conversation count
     * @param unreadConversationsDelta change of the badge
     */
    void adjustCounters(long openDelta, long closedDelta, long unreadConversationsDelta);
}
