package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.store.OutboxStatisticsContract;
import io.github.inboxkit.core.store.SendingStore;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the core's {@link OutboxStatisticsContract} against the JDBC store on H2: a fresh, migrated
 * database per test, since the reading counts every account of the store.
 */
class JdbcOnH2OutboxStatisticsTest extends OutboxStatisticsContract {

    private HikariDataSource pool;

    @Override
    protected SendingStore newStore() {
        pool = TestDatabases.freshH2(2);
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        return store;
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
