package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Runs the core's outbox statistics contract against the JDBC store on Postgres, a fresh database per test. */
class JdbcOnPostgresOutboxStatisticsTest extends JdbcOutboxStatisticsBehaviour {

    @Override
    HikariDataSource freshPool() {
        return TestDatabases.freshPostgres(2);
    }
}
