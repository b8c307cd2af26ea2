package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.InboxException;

/**
 * Applying the store's schema migrations failed: the database refused a statement, the schema
 * history does not match the migration files shipped in this version (an edited or missing
 * migration), or the database could not be reached. Nothing of a failed migration is left half
 * applied on PostgreSQL, whose DDL is transactional; on H2 the failed migration is marked failed
 * in the history table: put its cause right, then call
 * {@link JdbcInboxStore#repairMigrationHistory()} and migrate again.
 *
 * <p>Immutable and thread-safe.
 */
public final class SchemaMigrationException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String historyTable;

    SchemaMigrationException(String historyTable, Throwable cause) {
        super("Migrating the InboxKit schema (history table " + historyTable + ") failed: "
                + cause.getMessage() + hint(cause), cause);
        this.historyTable = historyTable;
    }

    /** What a user can do about a history that does not match this version's files. */
    private static String hint(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("checksum mismatch") || message.contains("failed migration")) {
            return ". If this database was created by an earlier build of InboxKit whose migration files differ in"
                    + " comments only, or a failed H2 migration was put right by hand, call"
                    + " JdbcInboxStore.repairMigrationHistory() once, then migrate() (docs/jdbc-store.md, \"Upgrading\")";
        }
        return "";
    }

    /** @return the name of the schema-history table the migration used */
    public String historyTable() {
        return historyTable;
    }
}
