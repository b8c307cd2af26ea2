package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.store.OutboxStatisticsContract;
import io.github.inboxkit.core.store.InboxStore;
import org.junit.jupiter.api.AfterEach;

/**
 * The core's {@link OutboxStatisticsContract} on the JDBC store: a fresh, migrated database per
 * test, since the reading counts every account of the store. A subclass names the database.
 */
abstract class JdbcOutboxStatisticsBehaviour extends OutboxStatisticsContract {

    private HikariDataSource pool;

    /** @return a pool on a new, empty database */
    abstract HikariDataSource freshPool();

    @Override
    protected InboxStore newStore() {
        pool = freshPool();
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        return store;
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
