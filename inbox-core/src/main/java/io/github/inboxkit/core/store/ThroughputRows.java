package io.github.inboxkit.core.store;

import java.util.Map;

/**
 * Port of one aggregate of the store: the states of the account's throughput limits (F50), keyed
 * by the limit ({@code "sender:twilio:+14155550100"}, {@code "group:spring-campaign"}...) (table
 * {@code throughput_states} in the SQL stores). The dispatcher locks the states of the limits its
 * claimed messages fall under, takes a token of each for every message that may go, and saves them,
 * in the claiming transaction: so the limits hold across every node that dispatches from one
 * database. Reached through {@link StoreTransaction#throughput()}; every operation is scoped to the
 * transaction's account.
 *
 * <p>Any operation may throw {@link StoreConflictException} or {@link StoreException}.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface ThroughputRows {

    /**
     * Reads and locks the states of limits until the transaction ends, creating those the account
     * has none of yet with the state given; locks are taken in key order, so that two claims do not
     * deadlock.
     *
     * @param initial the state of each limit wanted, used for a limit the account has no state of yet
     * @return the state of each limit, as stored (or created)
     */
    Map<String, ThroughputState> lockThroughputStates(Map<String, ThroughputState> initial);

    /**
     * Replaces the states of limits locked in this transaction.
     *
     * @param states the new state of each limit
     */
    void saveThroughputStates(Map<String, ThroughputState> states);
}
