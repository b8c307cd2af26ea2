package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.StoreConflictException;
import io.github.inboxkit.core.store.StoreException;
import java.sql.SQLException;

/**
 * Turns database errors into the store port's two signals: a conflict the engine resolves by
 * running the use case again (a unique key taken by a concurrent transaction, a row referenced by a
 * foreign key deleted by one, a deadlock, a serialization failure, a lock wait that timed out) and
 * every other failure.
 *
 * <p>Messages name the operation, never the data (no phone numbers or bodies, invariant 9).
 *
 * <p>Stateless and thread-safe.
 */
final class SqlErrors {

    private SqlErrors() {}

    static StoreException translate(String operation, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (isConflict(state, sql)) {
            return new StoreConflictException(
                    "A concurrent transaction got there first (" + operation + ", SQL state " + state + ")", failure);
        }
        return new StoreException("The database failed to " + operation
                + (state.isEmpty() ? "" : " (SQL state " + state + ")") + "; nothing was written", failure);
    }

    /**
     * A failure of the commit itself. A conflict the database reports at commit means it rolled
     * back; any other failure (a connection lost while the commit was under way, say) leaves the
     * outcome unknown: the commit may have been written and its acknowledgement lost. The message
     * says so rather than "nothing was written", so that a host retries only what it can retry
     * safely (with an idempotency key, a send can be).
     */
    static StoreException translateCommit(Throwable failure) {
        StoreException translated = translate("commit", failure);
        if (translated instanceof StoreConflictException) {
            return translated;
        }
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")";
        return new StoreException("The database failed to acknowledge a commit" + state + ": the transaction may"
                + " or may not have been written. Repeat a send, schedule or broadcast only with the same idempotency"
                + " key", failure);
    }

    private static boolean isConflict(String state, SQLException sql) {
        return state.equals("23505") // unique_violation (PostgreSQL and H2)
                || state.equals("23503") // foreign_key_violation: a row referenced was deleted concurrently
                || state.equals("40001") // serialization failure; H2 deadlock
                || state.equals("40P01") // PostgreSQL deadlock
                || state.equals("55P03") // PostgreSQL lock_not_available
                || (sql != null && sql.getErrorCode() == 50200); // H2 lock timeout (HYT00)
    }

    static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
