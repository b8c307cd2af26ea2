package io.github.inboxkit.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.jdbc.TestDatabases;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** What the plan tests share: a migrated PostgreSQL database, and the generic plan of a statement. */
final class PostgresPlans {

    private PostgresPlans() {}

    /** A fresh PostgreSQL database with the library's schema. */
    static HikariDataSource migratedDatabase() {
        HikariDataSource pool = TestDatabases.freshPostgres(2);
        new SchemaMigrator(pool, "classpath:io/github/inboxkit/jdbc/migration/postgresql").migrate();
        return pool;
    }

    /**
     * The plan PostgreSQL caches for a prepared statement once it stops planning per value.
     *
     * @param pool the database
     * @param sql the statement with named parameters
     * @param names its parameters' names (without the colon), numbered $1, $2... in this order
     */
    static String explainGeneric(HikariDataSource pool, String sql, List<String> names) {
        String numbered = sql;
        for (int i = 0; i < names.size(); i++) {
            numbered = numbered.replace(":" + names.get(i), "$" + (i + 1));
        }
        // the simple query protocol sends $n to the server as written, which EXPLAIN (GENERIC_PLAN) accepts
        try (Handle handle = Jdbi.create(pool.getJdbcUrl() + (pool.getJdbcUrl().contains("?") ? "&" : "?")
                + "preferQueryMode=simple", "postgres", "").open()) {
            return handle.createQuery("EXPLAIN (GENERIC_PLAN) " + numbered)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }
}
