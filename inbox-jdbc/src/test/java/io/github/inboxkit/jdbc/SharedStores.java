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

    private static JdbcInboxStore migrated(HikariDataSource pool) {
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        return store;
    }

    private static final class H2Holder {
        static final JdbcInboxStore STORE = migrated(TestDatabases.freshH2(8));
    }

    private static final class PostgresHolder {
        static final JdbcInboxStore STORE = migrated(TestDatabases.freshPostgres(24));
    }
}
