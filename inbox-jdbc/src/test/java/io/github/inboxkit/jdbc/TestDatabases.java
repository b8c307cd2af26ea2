package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the tests of this module run against: ONE embedded PostgreSQL 17 server per test
 * JVM (started on first use, stopped by a shutdown hook) in which every caller gets a fresh
 * database, and fresh in-memory H2 databases.
 *
 * <p>A fresh database per test class (not per server) keeps tests independent without paying a
 * server start each time; PostgreSQL copies a new database from {@code template1} in a few tens
 * of milliseconds.
 */
public final class TestDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestDatabases() {}

    /** The shared server, started on first use; its settings are the benchmark defaults. */
    static EmbeddedPostgres postgresServer() {
        return PostgresHolder.SERVER;
    }

    /** Creates a new, empty PostgreSQL database on the shared server and returns a pool on it. */
    public static HikariDataSource freshPostgres(int maximumPoolSize) {
        String name = "inboxkit_test_" + SEQUENCE.incrementAndGet();
        try (Connection connection = postgresServer().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return pool(postgresServer().getJdbcUrl("postgres", name), "postgres", maximumPoolSize);
    }

    /** A JDBC URL for a new in-memory H2 database, in H2's native mode. */
    static String freshH2Url() {
        return "jdbc:h2:mem:inboxkit_test_" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }

    /** A pool on a new in-memory H2 database. */
    public static HikariDataSource freshH2(int maximumPoolSize) {
        return pool(freshH2Url(), "sa", maximumPoolSize);
    }

    static HikariDataSource pool(String jdbcUrl, String user, int maximumPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    private static final class PostgresHolder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
    }
}
