package io.github.inboxkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One unit of work's connection, with JDBI's {@link Handle} over it opened only when a statement
 * needs the library. The hot paths (an inbound message, an inbox page) send their statements
 * through the driver ({@link NamedSql}) and need no handle; opening and closing one for each
 * transaction (its configuration is copied for every handle) cost about an eighth of ingestion's
 * client time.
 *
 * <p>The transaction is the connection's own: {@link #begin()} turns auto-commit off (the driver
 * sends its {@code BEGIN} with the first statement, so a transaction whose one statement committed
 * itself sends nothing more), {@link #commit()} and {@link #rollback()} end it, and {@link
 * #close()} gives the connection back with auto-commit as the pool lent it. A handle opened later
 * finds the transaction under way and leaves it to this session: it neither commits nor rolls it
 * back when closed.
 *
 * <p>Not thread-safe: it lives on one thread for one unit of work.
 */
final class Session implements AutoCloseable {

    /** Where a session's connection and handle come from: the store's data source and its JDBI. */
    static final class Source implements ConnectionFactory {

        private final DataSource dataSource;
        private final Jdbi jdbi;
        /**
         * The connection JDBI is to open its next handle over, on this thread only, set just
         * around {@link Jdbi#open()}: JDBI opens a handle over what its connection factory gives.
         */
        private final ThreadLocal<Connection> adopted = new ThreadLocal<>();

        /** @param dataSource a pooled data source */
        Source(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.jdbi = Jdbi.create(this);
        }

        /** @return the JDBI over this source, for work that wants a handle from the start */
        Jdbi jdbi() {
            return jdbi;
        }

        /**
         * Borrows a connection from the pool for one unit of work.
         *
         * @throws SQLException if the pool has no connection to give
         */
        Session open() throws SQLException {
            return new Session(this, dataSource.getConnection());
        }

        @Override
        public Connection openConnection() throws SQLException {
            Connection connection = adopted.get();
            return connection != null ? connection : dataSource.getConnection();
        }

        private Handle handleOver(Connection connection) {
            adopted.set(connection);
            try {
                return jdbi.open();
            } finally {
                adopted.remove();
            }
        }
    }

    /** Null for a session over a handle given by its caller. */
    private final Source source;
    private final Connection connection;
    private Handle handle;
    private boolean restoreAutoCommit;
    /** Whether the transaction was committed or rolled back: only then is auto-commit turned back on. */
    private boolean settled;
    /** Whether a statement committed the transaction with it ({@link InboundAppendStatement}). */
    private boolean ended;

    private Session(Source source, Connection connection) {
        this.source = source;
        this.connection = connection;
    }

    /**
     * A session over a handle its caller opened, closes and ends the transaction of (the tests'
     * transactions over one aggregate's statements).
     *
     * @param handle the handle
     * @return the session, whose {@link #close()} the caller need not call
     */
    static Session over(Handle handle) {
        Session session = new Session(null, handle.getConnection());
        session.handle = handle;
        return session;
    }

    /** @return the connection, for statements sent through the driver */
    Connection connection() {
        return connection;
    }

    /** @return JDBI's handle over the connection, opened on first use */
    Handle handle() {
        if (handle == null) {
            handle = source.handleOver(connection);
        }
        return handle;
    }

    /** @return whether a statement needed JDBI's handle (for tests) */
    boolean handleOpened() {
        return handle != null;
    }

    /**
     * Starts the transaction: turns auto-commit off, which the driver does without a round trip.
     *
     * @throws SQLException if the driver fails
     */
    void begin() throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            restoreAutoCommit = true;
        }
    }

    /**
     * Commits; nothing is sent if no statement ran since the transaction began, or if the one that
     * ran committed itself.
     *
     * @throws SQLException if the commit fails
     */
    void commit() throws SQLException {
        connection.commit();
        settled = true;
    }

    /** @throws SQLException if the rollback fails (a dead connection: the database rolls back on its own) */
    void rollback() throws SQLException {
        connection.rollback();
        settled = true;
    }

    /** Records that the last statement committed the transaction: any further statement is refused. */
    void endedByItsStatement() {
        ended = true;
    }

    /** @return whether a statement committed the transaction with it */
    boolean ended() {
        return ended;
    }

    /**
     * Gives the connection back to the pool, auto-commit as it was lent once the transaction was
     * committed or rolled back (the driver then sends nothing; turned on in the middle of one, it
     * would commit it), and closes the handle if one was opened. A failure is not reported: a
     * broken connection is the pool's to evict, and the unit of work's outcome is decided by then.
     */
    @Override
    public void close() {
        try {
            if (restoreAutoCommit && settled) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            // the connection is broken: closing it below lets the pool evict it
        }
        try {
            if (handle != null) {
                handle.close();
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            // as above
        }
    }
}
