package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.store.OutboxStatisticsContract;
import io.github.inboxkit.core.store.SendingStore;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the core's {@link OutboxStatisticsContract} against the JDBC store on Postgres: a fresh, migrated
 * database per test, since the reading counts every account of the store.
 */
class JdbcOnPostgresOutboxStatisticsTest extends OutboxStatisticsContract {

    private HikariDataSource pool;

    @Override
    protected SendingStore newStore() {
        pool = TestDatabases.freshPostgres(2);
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        return store;
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
