package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JdbcInboxStoreMigrationTest {

    @Test
    @DisplayName("F34 migrate() creates the schema on PostgreSQL, into the library's own history table, once")
    void migratesPostgresOnce() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshPostgres(4)) {
            JdbcInboxStore store = JdbcInboxStore.create(pool);
            assertThat(store.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(tables(pool)).doesNotContain("conversations");

            assertThat(store.migrate()).isPositive();
            assertThat(store.migrate()).isZero();

            assertThat(tables(pool)).contains("inboxkit_schema_history", "conversations", "messages", "outbox_entries", "broadcasts")
                    .doesNotContain("flyway_schema_history");
        }
    }

    @Test
    @DisplayName("F34 migrate() creates the schema on H2, and nothing is created before it is called")
    void migratesH2Once() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshH2(2)) {
            JdbcInboxStore store = JdbcInboxStore.create(pool);
            assertThat(store.dialect()).isEqualTo(Dialect.H2);
            assertThat(tables(pool)).isEmpty();

            assertThat(store.migrate()).isPositive();
            assertThat(store.migrate()).isZero();
            assertThat(tables(pool)).contains("inboxkit_schema_history", "conversations", "messages");
        }
    }

    @Test
    @DisplayName("F34 two nodes migrating one PostgreSQL database at the same moment apply the schema exactly once")
    void concurrentMigrationOnPostgres() throws Exception {
        try (HikariDataSource first = TestDatabases.freshPostgres(3)) {
            String url = first.getJdbcUrl();
            try (HikariDataSource second = TestDatabases.pool(url, "postgres", 3)) {
                List<Integer> applied = migrateConcurrently(
                        JdbcInboxStore.create(first), JdbcInboxStore.create(second));
                assertThat(applied).containsExactlyInAnyOrder(0, applied.stream().mapToInt(i -> i).sum());
                assertThat(applied.stream().mapToInt(i -> i).sum()).isPositive();
                assertThat(successfulMigrations(first)).isEqualTo(applied.stream().mapToInt(i -> i).sum());
            }
        }
    }

    @Test
    @DisplayName("F34 a host's database that already has its own tables is baselined, then fully migrated")
    void baselinesANonEmptySchema() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshPostgres(3)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE host_orders (id bigint PRIMARY KEY)");
            }
            assertThat(JdbcInboxStore.create(pool).migrate()).isPositive();
            assertThat(tables(pool)).contains("host_orders", "conversations");
        }
    }

    @Test
    @DisplayName("F34 a migration history from a different version of the files is refused with a typed error")
    void refusesAHistoryThatDoesNotMatch() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshH2(2)) {
            JdbcInboxStore store = JdbcInboxStore.create(pool);
            store.migrate();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE \"inboxkit_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
            }
            assertThatThrownBy(store::migrate)
                    .isInstanceOf(SchemaMigrationException.class)
                    .satisfies(e -> assertThat(((SchemaMigrationException) e).historyTable())
                            .isEqualTo("inboxkit_schema_history"));
        }
    }

    @Test
    @DisplayName("F33 F45 account_id leads every primary key, unique key and index of the PostgreSQL schema, but the receiving number's own key")
    void accountIdLeadsEveryIndexOnPostgres() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshPostgres(2)) {
            JdbcInboxStore.create(pool).migrate();
            List<String> offenders = new ArrayList<>();
            String sql = """
                    SELECT c.relname AS table_name, i.relname AS index_name, a.attname AS first_column
                    FROM pg_index x
                    JOIN pg_class c ON c.oid = x.indrelid
                    JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
                    WHERE n.nspname = current_schema() AND c.relname <> 'inboxkit_schema_history'
                    """;
            int indexes = 0;
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    indexes++;
                    if (!"account_id".equals(rs.getString("first_column"))) {
                        offenders.add(rs.getString("table_name") + "." + rs.getString("index_name")
                                + "(" + rs.getString("first_column") + ")");
                    }
                }
            }
            assertThat(indexes).isGreaterThan(20);
            // The one reasoned exception (migration V9): a number belongs to one account of the whole
            // database, which only a key on the number alone guarantees.
            assertThat(offenders).containsExactly("receiving_numbers.receiving_numbers_pk(number)");
            assertThat(tablesWithoutAccountId(pool)).isEmpty();
        }
    }

    @Test
    @DisplayName("F33 F45 account_id leads every primary key, unique key and index of the H2 schema, but the receiving number's own key")
    void accountIdLeadsEveryIndexOnH2() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshH2(2)) {
            JdbcInboxStore.create(pool).migrate();
            List<String> offenders = new ArrayList<>();
            String sql = """
                    SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                    WHERE TABLE_SCHEMA = 'PUBLIC' AND ORDINAL_POSITION = 1
                      AND TABLE_NAME <> 'inboxkit_schema_history'
                    """;
            int indexes = 0;
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    indexes++;
                    if (!"ACCOUNT_ID".equalsIgnoreCase(rs.getString(3))) {
                        offenders.add(rs.getString(1) + "." + rs.getString(2) + "(" + rs.getString(3) + ")");
                    }
                }
            }
            assertThat(indexes).isGreaterThan(15);
            // The one reasoned exception (migration V9); H2 names a primary key's index itself.
            assertThat(offenders).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .matches("RECEIVING_NUMBERS\\.PRIMARY_KEY_\\w+\\(NUMBER\\)");
        }
    }

    private static List<Integer> migrateConcurrently(JdbcInboxStore... stores) throws Exception {
        CyclicBarrier start = new CyclicBarrier(stores.length);
        ExecutorService executor = Executors.newFixedThreadPool(stores.length);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (JdbcInboxStore store : stores) {
                Callable<Integer> task = () -> {
                    start.await();
                    return store.migrate();
                };
                futures.add(executor.submit(task));
            }
            List<Integer> applied = new ArrayList<>();
            for (Future<Integer> future : futures) {
                applied.add(future.get());
            }
            return applied;
        } finally {
            executor.shutdownNow();
        }
    }

    private static int successfulMigrations(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM inboxkit_schema_history WHERE success AND version IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> tablesWithoutAccountId(HikariDataSource pool) throws SQLException {
        String sql = """
                SELECT t.table_name FROM information_schema.tables t
                WHERE t.table_schema = current_schema() AND t.table_name <> 'inboxkit_schema_history'
                  AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                    AND c.column_name = 'account_id')
                """;
        List<String> result = new ArrayList<>();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    static List<String> tables(HikariDataSource pool) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = pool.getConnection();
                ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    continue;
                }
                result.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return result;
    }
}
