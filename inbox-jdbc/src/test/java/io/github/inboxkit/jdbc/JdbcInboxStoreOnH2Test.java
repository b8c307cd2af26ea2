package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;

/** The JDBC store's own behaviour on an in-memory H2 database. */
class JdbcInboxStoreOnH2Test extends JdbcInboxStoreBehaviour {

    @Override
    JdbcInboxStore openStore(List<AutoCloseable> toClose) {
        HikariDataSource pool = TestDatabases.freshH2(4);
        toClose.add(pool);
        return JdbcInboxStore.create(pool);
    }
}
