package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A unit of work's connection with JDBI's handle opened on first use ({@link Session}), on H2 and
 * PostgreSQL: one transaction whichever way its statements go, and the connection given back as lent.
 */
class SessionTest {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (IntFunction<HikariDataSource>) TestDatabases::freshH2),
                Arguments.of("PostgreSQL", (IntFunction<HikariDataSource>) TestDatabases::freshPostgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("F34 statements through the driver alone open no handle, and commit as one transaction")
    void driverOnly(String name, IntFunction<HikariDataSource> database) throws SQLException {
        try (HikariDataSource pool = probeTable(database)) {
            Session.Source source = new Session.Source(pool);
            try (Session session = source.open()) {
                session.begin();
                insert(session.connection(), 1);
                insert(session.connection(), 2);
                assertThat(rows(pool)).as("not visible before the commit").isZero();
                session.commit();
                assertThat(session.handleOpened()).isFalse();
            }
            assertThat(rows(pool)).isEqualTo(2);
            try (Connection lent = pool.getConnection()) {
                assertThat(lent.getAutoCommit()).as("given back with auto-commit on, as lent").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("F34 a handle opened in the middle joins the transaction: a rollback undoes both sides")
    void handleJoinsTheTransaction(String name, IntFunction<HikariDataSource> database) throws SQLException {
        try (HikariDataSource pool = probeTable(database)) {
            Session.Source source = new Session.Source(pool);
            try (Session session = source.open()) {
                writeBothWays(session, 1, 2);
                assertThat(session.handleOpened()).isTrue();
                assertThat(session.handle().getConnection()).isSameAs(session.connection());
                session.rollback();
            }
            assertThat(rows(pool)).isZero();

            try (Session session = source.open()) {
                writeBothWays(session, 3, 4);
                session.commit();
            } // closing the handle neither commits nor rolls back again, nor complains
            assertThat(rows(pool)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("F34 closed before its commit, a transaction is not committed by turning auto-commit back on")
    void closedUnsettled(String name, IntFunction<HikariDataSource> database) throws SQLException {
        try (HikariDataSource pool = probeTable(database)) {
            Session.Source source = new Session.Source(pool);
            try (Session session = source.open()) {
                writeBothWays(session, 1, 2);
            } // a unit of work whose commit and rollback both failed ends here
            assertThat(rows(pool)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("F34 work inside JDBI's own handle goes through a session over it, which leaves it to its owner")
    void overAGivenHandle(String name, IntFunction<HikariDataSource> database) throws SQLException {
        try (HikariDataSource pool = probeTable(database)) {
            Session.Source source = new Session.Source(pool);
            source.jdbi().useTransaction(handle -> {
                Session session = Session.over(handle);
                insert(session.connection(), 1);
                assertThat(session.handle()).isSameAs(handle);
            });
            assertThat(rows(pool)).isEqualTo(1);
        }
    }

    private static HikariDataSource probeTable(IntFunction<HikariDataSource> database) throws SQLException {
        HikariDataSource pool = database.apply(2);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE session_probe (id integer PRIMARY KEY)");
        }
        return pool;
    }

    /** Begins, then inserts one row through the driver and one through the handle, opened by it. */
    private static void writeBothWays(Session session, int viaDriver, int viaHandle) throws SQLException {
        session.begin();
        insert(session.connection(), viaDriver);
        session.handle().createUpdate("INSERT INTO session_probe (id) VALUES (:id)").bind("id", viaHandle).execute();
    }

    private static void insert(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO session_probe (id) VALUES (" + id + ")");
        }
    }

    private static int rows(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM session_probe")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
