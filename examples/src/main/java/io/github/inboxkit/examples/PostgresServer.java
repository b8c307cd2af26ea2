package io.github.inboxkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PostgreSQL an example runs on: the server named on the command line ({@code jdbcUrl user
 * password}), or, when none is given, a PostgreSQL 17 started from a Maven artifact for this run
 * only, so that the examples run on any machine with a JDK. A host has its own server and only
 * needs {@link #pool(String, int)}'s few lines.
 */
final class PostgresServer implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String jdbcUrl, String user, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server named by {@code args} (JDBC URL, user, password), else an embedded one. */
    static PostgresServer fromArguments(String[] args) {
        if (args.length == 0) {
            return embedded();
        }
        if (args.length != 3 || !args[0].startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("give no arguments (an embedded PostgreSQL is started), "
                    + "or three: jdbc:postgresql://host:5432/database user password");
        }
        return new PostgresServer(args[0], args[1], args[2], null);
    }

    /** Starts a throw-away PostgreSQL 17 in a temporary directory. */
    static PostgresServer embedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            return new PostgresServer(server.getJdbcUrl("postgres", "postgres"), "postgres", "", server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    /**
     * A HikariCP pool on the server: what a host creates once at start-up and closes at shutdown.
     *
     * @param name shows in the pool's thread names and metrics
     * @param maximumSize connections: the dispatcher and purge threads plus the host's request threads
     */
    HikariDataSource pool(String name, int maximumSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumSize);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
