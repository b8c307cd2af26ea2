package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    @DisplayName("F34 the embedded PostgreSQL server is version 17 and can create pg_trgm")
    void embeddedPostgresIs17WithTrigrams() throws SQLException {
        try (HikariDataSource pool = TestDatabases.freshPostgres(2);
                Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                rs.next();
                System.out.println("embedded PostgreSQL server_version = " + rs.getString(1));
                assertThat(rs.getString(1)).startsWith("17.");
            }
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            statement.execute("CREATE EXTENSION IF NOT EXISTS btree_gin");
            try (ResultSet rs = statement.executeQuery("SELECT similarity('inbox', 'inboxes')")) {
                rs.next();
                assertThat(rs.getDouble(1)).isPositive();
            }
        }
    }
}
