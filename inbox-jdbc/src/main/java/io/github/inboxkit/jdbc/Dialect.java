package io.github.inboxkit.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JDBC store supports. Each has its own set of migration files and, where the
 * databases differ (upserts, row locking, search indexes), its own SQL.
 *
 * <p>Constants are immutable and thread-safe.
 */
public enum Dialect {

    /** PostgreSQL 13 or later (tested on 17): production, several nodes on one database. */
    POSTGRESQL("postgresql"),

    /** H2 2.x, embedded or in memory: the zero-set-up default for a single node and for tests. */
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The class-path location of this dialect's versioned migration files, for a host that runs
     * its own Flyway (add it to {@code locations}) or copies the files into its own tool.
     *
     * @return a location such as {@code classpath:io/github/inboxkit/jdbc/migration/postgresql}
     */
    public String migrationLocation() {
        return "classpath:io/github/inboxkit/jdbc/migration/" + folder;
    }

    /**
     * Finds the dialect of a data source from its connection's metadata.
     *
     * @param dataSource where to look; one connection is borrowed and returned
     * @return the dialect
     * @throws UnsupportedDatabaseException if the database is neither PostgreSQL nor H2, or
     *     cannot be reached
     */
    static Dialect detect(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName();
        } catch (SQLException e) {
            throw new UnsupportedDatabaseException("(unreachable: " + e.getMessage() + ")", e);
        }
        String normalised = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (normalised.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (normalised.equals("h2")) {
            return H2;
        }
        throw new UnsupportedDatabaseException(product, null);
    }
}
