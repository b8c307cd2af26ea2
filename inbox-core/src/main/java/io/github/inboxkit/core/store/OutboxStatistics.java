package io.github.inboxkit.core.store;

import java.time.Instant;

/**
 * An optional capability of a store: counting the outbox's pending entries across every account,
 * for monitoring (queue depth gauges, a health check). The in-memory store and the JDBC store
 * implement it; a host tests for it with {@code store instanceof OutboxStatistics}.
 *
 * <p>The reading is not transactional and takes no lock a use case waits for for longer than one
 * account's scan: it is a snapshot that may mix instants while dispatchers work. It is meant to be
 * taken on a schedule (every few seconds at most), not on the path of a use case: on a SQL store it
 * is one statement that reads the pending entries through the outbox's claim index, so its cost
 * follows the backlog, not the history of sent messages.
 *
 * <p>Implementations are thread-safe.
 */
public interface OutboxStatistics {

    /**
     * Counts the pending outbox entries of every account, as they stand at {@code now}.
     *
     * @param now the instant to judge due entries and leases by, usually the engine's clock
     * @return the reading
     * @throws StoreException if the store failed
     */
    QueueDepth outboxDepth(Instant now);
}
