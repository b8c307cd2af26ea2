package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxPageRead;
import io.github.inboxkit.core.store.InboxPageReader;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import io.github.inboxkit.core.store.StoreException;
import io.github.inboxkit.core.store.TransactionWork;
import io.github.inboxkit.jdbc.internal.JdbiInboxStore;
import io.github.inboxkit.jdbc.internal.SchemaMigrator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;

/**
 * The InboxKit store on a relational database (PostgreSQL in production, H2 embedded), and the
 * only way to build one.
 *
 * <pre>{@code
 * // the host owns the pool (HikariCP recommended):
 * JdbcInboxStore store = JdbcInboxStore.create(dataSource);
 * // or the store builds and owns a Hikari pool:
 * JdbcInboxStore store = JdbcInboxStore.builder("jdbc:postgresql://db/inbox", "inbox", secret)
 *         .maximumPoolSize(20)
 *         .build();
 * store.migrate(); // explicitly, e.g. at deployment; never done silently
 * }</pre>
 *
 * <p>The schema is created and upgraded only by {@link #migrate()}, with Flyway and into the
 * library's own history table {@value SchemaMigrator#HISTORY_TABLE}. Hosts that run their own
 * Flyway or Liquibase can instead take the versioned SQL files from
 * {@link Dialect#migrationLocation()}.
 *
 * <p>Each use case is one read-committed transaction on one pooled connection, but for an inbox
 * page that starts a walk: it only reads, and is one statement in autocommit (the listing joined
 * with the page's contacts, assignees and counters; the names from the node's copy of the account's
 * contacts and users while it is current, see {@link Builder#directoryCacheSize(long)}). Accounts (name,
 * settings, sender IDs) are cached per node for {@link Builder#cacheExpiry(Duration)}: a change
 * made through this node is seen at once, a change made by another node within that time.
 *
 * <p>Thread-safe: one instance serves every thread and every use case of a node; several nodes
 * may share one PostgreSQL database.
 */
public final class JdbcInboxStore implements InboxStore, OutboxStatistics, InboxPageReader, AutoCloseable {

    /** How long a node may serve account settings and sender IDs another node has changed. */
    public static final Duration DEFAULT_CACHE_EXPIRY = Duration.ofSeconds(5);

    /** The most saved contacts and users a node keeps in memory for inbox pages, by default. */
    public static final long DEFAULT_DIRECTORY_CACHE_SIZE = JdbiInboxStore.DEFAULT_DIRECTORY_ENTRIES;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Duration cacheExpiry;
    private final HikariDataSource ownedPool;
    private final JdbiInboxStore store;

    private JdbcInboxStore(Builder builder, DataSource dataSource, HikariDataSource ownedPool) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.cacheExpiry = builder.cacheExpiry;
        this.dialect = builder.dialect != null ? builder.dialect : Dialect.detect(dataSource);
        this.store = new JdbiInboxStore(dataSource, cacheExpiry, dialect == Dialect.POSTGRESQL,
                builder.directoryCacheSize);
    }

    /**
     * Builds a store on a data source the host owns (and closes), detecting its dialect.
     *
     * @param dataSource a pooled data source, HikariCP recommended
     * @return the store
     * @throws UnsupportedDatabaseException if the database is neither PostgreSQL nor H2
     */
    public static JdbcInboxStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Starts building a store on a data source the host owns and closes.
     *
     * @param dataSource a pooled data source, HikariCP recommended
     * @return a builder; not thread-safe
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null, null, null);
    }

    /**
     * Starts building a store that creates, and on {@link #close()} closes, its own HikariCP
     * pool on a JDBC URL. The driver (PostgreSQL or H2) must be on the class path.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://host/db} or {@code jdbc:h2:./inbox}
     * @param username the database user
     * @param password the database password (may be empty)
     * @return a builder; not thread-safe
     */
    public static Builder builder(String jdbcUrl, String username, String password) {
        Require.nonNull(jdbcUrl, "jdbcUrl");
        // the URL may hold a password: its length only, never its text
        Require.argument(jdbcUrl.startsWith("jdbc:"), "jdbcUrl",
                "must start with \"jdbc:\" (got a " + jdbcUrl.length() + "-character string that does not)");
        return new Builder(null, jdbcUrl, Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(password, "password"));
    }

    /**
     * Creates or upgrades the schema to this version of the library. Safe to call from several
     * nodes at once (Flyway serialises them with a database lock) and when nothing is pending.
     *
     * @return how many migrations this call applied
     * @throws SchemaMigrationException if a migration fails or the recorded history does not
     *     match this version's migration files
     */
    public int migrate() {
        try {
            return new SchemaMigrator(dataSource, dialect.migrationLocation()).migrate();
        } catch (FlywayException e) {
            throw new SchemaMigrationException(SchemaMigrator.HISTORY_TABLE, e);
        }
    }

    /**
     * Realigns the library's schema history with this version's migration files, for the two
     * cases where {@link #migrate()} refuses a history that does not match them and no statement
     * of the schema is at fault:
     *
     * <ul>
     *   <li>a database created by a pre-release snapshot of InboxKit, whose migration files
     *       differ from this version's in comments only (the recorded checksum of {@code V1}
     *       differs): the history takes this version's checksums;
     *   <li>a migration that failed half-way on H2 (whose DDL is not transactional) and whose
     *       cause was put right by hand: its failed entry is removed, so that {@code migrate()}
     *       runs it again.
     * </ul>
     *
     * <p>Call it once, then {@link #migrate()}. It changes no table of the schema, only the
     * history table {@value io.github.inboxkit.jdbc.internal.SchemaMigrator#HISTORY_TABLE}; it must
     * not be used to accept a migration file that was edited after it was applied to this
     * database ({@code docs/jdbc-store.md}, "Upgrading").
     *
     * @return how many history entries were realigned or removed (0 when the history already matched)
     * @throws SchemaMigrationException if the database cannot be reached
     */
    public int repairMigrationHistory() {
        try {
            return new SchemaMigrator(dataSource, dialect.migrationLocation()).repair();
        } catch (FlywayException e) {
            throw new SchemaMigrationException(SchemaMigrator.HISTORY_TABLE, e);
        }
    }

    /**
     * Runs one use case in one database transaction scoped to an account, as the
     * {@link io.github.inboxkit.core.store.InboxStore} port specifies. The schema must have been migrated.
     * Sending use cases run here too (queue, claim, record a carrier's answer): claims use {@code FOR
     * UPDATE SKIP LOCKED}, so dispatchers on several nodes take different messages.
     *
     * @throws io.github.inboxkit.core.store.StoreConflictException if a concurrent transaction
     *     took a unique key or the database aborted this one to resolve a deadlock; nothing was
     *     written and the engine runs the use case again
     * @throws io.github.inboxkit.core.store.StoreException if the database failed (unreachable,
     *     connection killed); nothing was written
     */
    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        return store.inTransaction(account, work);
    }

    /**
     * {@inheritDoc} Reads the pending part of the outbox of every account.
     *
     * @throws io.github.inboxkit.core.store.StoreException if the database failed
     */
    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        return store.accountsWithClaimableOutbox(now, limit);
    }

    /**
     * {@inheritDoc} One statement outside any transaction, on one pooled connection, that reads the
     * pending entries through the outbox's claim index (it holds only pending entries).
     *
     * @throws io.github.inboxkit.core.store.StoreException if the database failed
     */
    @Override
    public QueueDepth outboxDepth(Instant now) {
        return store.outboxDepth(now);
    }

    /**
     * {@inheritDoc} Reads the snoozed conversations with a wake time through their index (one index
     * descent per account that has one).
     *
     * @throws io.github.inboxkit.core.store.StoreException if the database failed
     */
    @Override
    public List<AccountId> accountsWithDueSnoozes(Instant now, int limit) {
        return store.accountsWithDueSnoozes(now, limit);
    }

    /**
     * {@inheritDoc} Reads the broadcast recipients' queue of every account (one index descent per
     * account that has queued recipients).
     *
     * @throws io.github.inboxkit.core.store.StoreException if the database failed
     */
    @Override
    public List<AccountId> accountsWithQueuedRecipients(int limit) {
        return store.accountsWithQueuedRecipients(limit);
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.github.inboxkit.core.store.StoreException if the database failed
     */
    @Override
    public List<AccountId> listAccountIds() {
        return store.listAccountIds();
    }

    /**
     * {@inheritDoc} One primary-key read, not cached: a number released on one node is free on
     * every node at once.
     *
     * @throws io.github.inboxkit.core.store.StoreException if the database failed
     */
    @Override
    public Optional<AccountId> accountOwningNumber(String number) {
        return store.accountOwningNumber(number);
    }

    /**
     * {@inheritDoc} One statement in autocommit (no transaction to begin or commit): the keyset
     * query of the listing with the counters row and the account's directory version; the rows'
     * contacts and assignees come from the node's copy of the account's directory while that
     * version is the copy's, else the statement is sent again joined with them (see {@link
     * Builder#directoryCacheSize(long)}).
     */
    @Override
    public Optional<InboxPageRead> readInboxPage(AccountId account, Function<Account, ConversationListing> listingFor) {
        return store.readInboxPage(account, listingFor);
    }

    /** @return the database dialect this store speaks */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Closes the pool this store created from a JDBC URL; a host-owned data source is left open.
     * Idempotent.
     */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** Builds a {@link JdbcInboxStore}. Not thread-safe; use once. */
    public static final class Builder {
        private final DataSource dataSource;
        private final String jdbcUrl;
        private final String username;
        private final String password;
        private Dialect dialect;
        private Duration cacheExpiry = DEFAULT_CACHE_EXPIRY;
        private int maximumPoolSize = 10;
        private long directoryCacheSize = DEFAULT_DIRECTORY_CACHE_SIZE;

        private Builder(DataSource dataSource, String jdbcUrl, String username, String password) {
            this.dataSource = dataSource;
            this.jdbcUrl = jdbcUrl;
            this.username = username;
            this.password = password;
        }

        /**
         * Names the dialect instead of detecting it from the connection metadata.
         *
         * @param dialect the database's dialect
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * How long account settings and sender IDs are cached. A change made on this node is
         * seen at once (the cache entry is invalidated); a change made on another node sharing the
         * database is seen after at most this long. Zero disables the caches.
         *
         * @param cacheExpiry at least zero, at most one hour
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if out of range
         */
        public Builder cacheExpiry(Duration cacheExpiry) {
            Require.nonNull(cacheExpiry, "cacheExpiry");
            Require.argument(!cacheExpiry.isNegative() && cacheExpiry.compareTo(Duration.ofHours(1)) <= 0,
                    "cacheExpiry", "must be between 0 and 1 hour, got " + cacheExpiry);
            this.cacheExpiry = cacheExpiry;
            return this;
        }

        /**
         * The most saved contacts and users a node keeps in memory for inbox pages, over all
         * accounts. A node copies an account's contacts and users (if it has at most 10,000 of each)
         * once they have held still across two of its pages; a page then reads its rows' names
         * from the copy instead of looking each row up, for as long as the account's directory
         * version, which the page reads in its own statement, is the copy's. Every transaction
         * that writes a contact or a user raises that version, on whichever node, so a page never
         * shows a name older than its snapshot. The least used copies are dropped first. Zero keeps
         * none: every page looks its rows up.
         *
         * @param directoryCacheSize at least zero; {@value #DEFAULT_DIRECTORY_CACHE_SIZE} by default
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if negative
         */
        public Builder directoryCacheSize(long directoryCacheSize) {
            Require.argument(directoryCacheSize >= 0, "directoryCacheSize",
                    "must be >= 0, got " + directoryCacheSize);
            this.directoryCacheSize = directoryCacheSize;
            return this;
        }

        /**
         * The size of the Hikari pool built from a JDBC URL.
         *
         * @param maximumPoolSize at least 2 (migration takes a lock on one connection while
         *     migrating on another)
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if below 2, or if the store was given a data source
         */
        public Builder maximumPoolSize(int maximumPoolSize) {
            Require.argument(jdbcUrl != null, "maximumPoolSize", "applies only to a store built from a JDBC URL; "
                    + "size the pool of the data source you passed instead");
            Require.argument(maximumPoolSize >= 2, "maximumPoolSize", "must be >= 2, got " + maximumPoolSize);
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /**
         * Builds the store. A pool built from a JDBC URL opens its first connection at once, so a
         * wrong URL or password fails here rather than on the first use case.
         *
         * @return the store
         * @throws UnsupportedDatabaseException if no dialect was named and the database is neither
         *     PostgreSQL nor H2 or cannot be reached
         * @throws StoreException if a pool built from a JDBC URL cannot connect (wrong URL, user
         *     or password, database down, driver missing)
         */
        public JdbcInboxStore build() {
            if (dataSource != null) {
                return new JdbcInboxStore(this, dataSource, null);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize);
            config.setPoolName("inboxkit");
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                // the URL is not repeated: it may carry a password
                throw new StoreException("Cannot open a connection pool on the JDBC URL given to"
                        + " JdbcInboxStore.builder: " + e.getMessage(), e);
            }
            try {
                return new JdbcInboxStore(this, pool, pool);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
    }
}
