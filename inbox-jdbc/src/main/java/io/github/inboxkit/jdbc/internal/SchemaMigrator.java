package io.github.inboxkit.jdbc.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL migrations of one dialect with Flyway, into the library's own history
 * table so that a host's own Flyway history (usually {@code flyway_schema_history}) is left alone.
 *
 * <p>Several nodes may call {@link #migrate()} at once: Flyway serialises them with a database lock
 * (an advisory lock on PostgreSQL), the first applies the pending migrations and the others find
 * nothing left to do. On a fresh database the nodes can race before that lock exists (see
 * {@link #migrate()}); the loser asks again. A database that already holds a host's own tables but no InboxKit history is
 * baselined at version 0, so that every InboxKit migration still runs.
 *
 * <p>Thread-safe: holds only configuration.
 */
public final class SchemaMigrator {

    /** The name of the library's own schema-history table. */
    public static final String HISTORY_TABLE = "inboxkit_schema_history";

    /** Attempts when another node is creating the history table at the same moment; see {@link #isBaselineRace}. */
    private static final int BASELINE_RACE_ATTEMPTS = 10;

    private final Flyway flyway;

    /**
     * @param dataSource where to migrate
     * @param location the class-path location of the dialect's migration files
     */
    public SchemaMigrator(DataSource dataSource, String location) {
        this.flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("InboxKit baseline of a non-empty schema")
                .cleanDisabled(true)
                .load();
    }

    /**
     * Applies every pending migration.
     *
     * @return how many migrations this call applied (zero when another node got there first)
     * @throws org.flywaydb.core.api.FlywayException if a migration or the validation fails
     */
    public int migrate() {
        for (int attempt = 1; ; attempt++) {
            try {
                MigrateResult result = flyway.migrate();
                return result.migrationsExecuted;
            } catch (FlywayException e) {
                if (attempt >= BASELINE_RACE_ATTEMPTS || !isBaselineRace(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Two nodes migrating a fresh database race before Flyway's lock is taken: the first creates the
     * history table, the second saw no history table but a schema that is no longer empty, decides
     * to baseline, and finds the history table there and still empty. Asked again, the second sees
     * the history table, waits on Flyway's lock, and finds nothing left to do.
     */
    private static boolean isBaselineRace(FlywayException e) {
        String message = e.getMessage();
        return message != null && message.contains("Unable to baseline") && message.contains("is empty");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FlywayException("Interrupted while waiting for another node's migration", interrupted);
        }
    }

    /**
     * Realigns the history table with this version's migration files: the checksums and
     * descriptions of applied migrations take the files' values, and entries of failed migrations
     * are removed (Flyway's repair). Changes no table of the schema.
     *
     * @return how many history entries were realigned or removed
     * @throws org.flywaydb.core.api.FlywayException if the database cannot be reached
     */
    public int repair() {
        var result = flyway.repair();
        return result.migrationsAligned.size() + result.migrationsRemoved.size() + result.migrationsDeleted.size();
    }

    /** @return the schema version now recorded in the history table, or "none" */
    public String currentVersion() {
        var current = flyway.info().current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
    }
}
