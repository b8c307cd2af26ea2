package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Runs the core's outbox statistics contract against the JDBC store on H2, a fresh database per test. */
class JdbcOnH2OutboxStatisticsTest extends JdbcOutboxStatisticsBehaviour {

    @Override
    HikariDataSource freshPool() {
        return TestDatabases.freshH2(2);
    }
}
