package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The broadcast recipients' queue on an in-memory H2 database (a lock, then a delete by key). */
class JdbcBroadcastQueueOnH2Test extends JdbcBroadcastQueueBehaviour {

    @Override
    HikariDataSource openPool() {
        return TestDatabases.freshH2(4);
    }
}
