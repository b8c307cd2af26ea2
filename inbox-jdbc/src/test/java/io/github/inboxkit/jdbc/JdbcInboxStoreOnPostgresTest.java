package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;

/** The JDBC store's own behaviour on the embedded PostgreSQL 17 server. */
class JdbcInboxStoreOnPostgresTest extends JdbcInboxStoreBehaviour {

    @Override
    JdbcInboxStore openStore(List<AutoCloseable> toClose) {
        HikariDataSource pool = TestDatabases.freshPostgres(4);
        toClose.add(pool);
        return JdbcInboxStore.create(pool);
    }
}
