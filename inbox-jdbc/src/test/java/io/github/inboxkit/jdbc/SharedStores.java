package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One migrated store per dialect for the whole test JVM, shared by the store contract tests (every
 * contract test works in accounts with random ids, so sharing a database is safe and saves a
 * migration per test).
 */
final class SharedStores {

    private SharedStores() {}

    static JdbcInboxStore h2() {
        return H2Holder.STORE;
    }

    static JdbcInboxStore postgres() {
        return PostgresHolder.STORE;
    }

    /** @return the pool of {@link #h2()}, for tests that read its tables directly */
    static HikariDataSource h2Pool() {
        return H2Holder.POOL;
    }

    /** @return the pool of {@link #postgres()}, for tests that read its tables directly */
    static HikariDataSource postgresPool() {
        return PostgresHolder.POOL;
    }

    /** A second node on {@link #h2()}'s database: its own store, pool and caches. */
    static JdbcInboxStore h2SecondNode() {
        return H2Holder.SECOND_NODE;
    }

    /** A second node on {@link #postgres()}'s database: its own store, pool and caches. */
    static JdbcInboxStore postgresSecondNode() {
        return PostgresHolder.SECOND_NODE;
    }

    private static JdbcInboxStore secondNode(HikariDataSource firstNodePool) {
        return JdbcInboxStore.create(TestDatabases.pool(firstNodePool.getJdbcUrl(), firstNodePool.getUsername(),
                firstNodePool.getMaximumPoolSize()));
    }

    private static JdbcInboxStore migrated(HikariDataSource pool) {
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        return store;
    }

    private static final class H2Holder {
        static final HikariDataSource POOL = TestDatabases.freshH2(8);
        static final JdbcInboxStore STORE = migrated(POOL);
        static final JdbcInboxStore SECOND_NODE = secondNode(POOL);
    }

    private static final class PostgresHolder {
        static final HikariDataSource POOL = TestDatabases.freshPostgres(24);
        static final JdbcInboxStore STORE = migrated(POOL);
        static final JdbcInboxStore SECOND_NODE = secondNode(POOL);
    }
}
