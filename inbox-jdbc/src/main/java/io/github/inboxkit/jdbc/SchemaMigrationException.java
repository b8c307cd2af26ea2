package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.InboxException;

/**
 * Applying the store's schema migrations failed: the database refused a statement, the schema
 * history does not match the migration files shipped in this version (an edited or missing
 * migration), or the database could not be reached. Nothing of a failed migration is left half
 * applied on PostgreSQL, whose DDL is transactional; on H2 the failed migration is marked failed
 * in the history table and must be repaired by hand.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaMigrationException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String historyTable;

    SchemaMigrationException(String historyTable, Throwable cause) {
        super("Migrating the InboxKit schema (history table " + historyTable + ") failed: "
                + cause.getMessage(), cause);
        this.historyTable = historyTable;
    }

    /** @return the name of the schema-history table the migration used */
    public String historyTable() {
        return historyTable;
    }
}
