package io.github.inboxkit.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What the benchmarks read from {@code pg_stat_statements} (loaded with {@code
 * shared_preload_libraries}): the statements the server ran, their calls and time, as Markdown.
 */
final class ServerStatements {

    private ServerStatements() {}

    /** Creates the extension in the pool's database. */
    static void install(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    /** Forgets what was counted so far, so that what is printed next is one phase's. */
    static void reset(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Prints the {@code limit} statements with the most total time since the last reset. */
    static void print(DataSource pool, String title, int limit) throws SQLException {
        System.out.printf(Locale.ROOT, "### %s: the %d statements with the most total time%n%n", title, limit);
        System.out.println("| total ms | calls | plans | plan ms | rows | mean ms | statement |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---|");
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT total_exec_time, calls, rows,"
                        + " mean_exec_time, query, plans, total_plan_time FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String query = rows.getString(5).replaceAll("\\s+", " ");
                    System.out.printf(Locale.ROOT, "| %,.0f | %,d | %,d | %,.0f | %,d | %.3f | `%s` |%n", rows.getDouble(1),
                            rows.getLong(2), rows.getLong(6), rows.getDouble(7), rows.getLong(3), rows.getDouble(4),
                            query.length() > 160 ? query.substring(0, 160) + "…" : query);
                }
            }
        }
        System.out.println();
    }
}
