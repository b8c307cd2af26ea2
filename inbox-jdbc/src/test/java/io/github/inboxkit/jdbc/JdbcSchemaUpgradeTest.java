package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.jdbc.internal.SchemaMigrator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upgrade path of a database created before the migrations were aligned (H2 stopped at V5 and
 * PostgreSQL at V6, and V1's comments changed since): {@code repairMigrationHistory()} once, then
 * {@code migrate()}, after which both dialects record the same versions and the data is intact.
 * That build (commit 2f03696) shipped V2 to V5 (H2) and V2 to V6 (PostgreSQL) exactly as this
 * version does, and a V1 whose comments differ: the fixture under {@code legacy/2f03696} holds that
 * V1 alone (with one comment that named a design note outside this repository reworded), and each
 * test assembles the old build's files from it and this version's V2 onwards.
 */
class JdbcSchemaUpgradeTest {

    private static final String LEGACY = "io/github/inboxkit/jdbc/legacy/2f03696/";
    private static final String SHIPPED = "io/github/inboxkit/jdbc/migration/";
    /** The versions this build ships, on both dialects, in order. */
    private static final List<String> SHIPPED_VERSIONS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "17", "18");
    private static final AccountId ACCOUNT = AccountId.of("acct-upgraded");
    private static final String ACCOUNT_NUMBER = "+33700000077";
    private static final PhoneNumber OPTED_OUT = PhoneNumber.parse("+33611223344", "FR");

    enum Database {
        H2("h2", 5, TestDatabases::freshH2),
        POSTGRESQL("postgresql", 6, TestDatabases::freshPostgres);

        final String folder;
        final int legacyVersion;
        final IntFunction<HikariDataSource> fresh;

        Database(String folder, int legacyVersion, IntFunction<HikariDataSource> fresh) {
            this.folder = folder;
            this.legacyVersion = legacyVersion;
            this.fresh = fresh;
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    @DisplayName("F34 a database of the build before aligned migrations upgrades by repairMigrationHistory() then migrate(), keeping its data")
    void upgradesALegacyDatabase(Database database, @TempDir Path legacyFiles) throws Exception {
        String settings = currentSettingsJson(database);
        try (HikariDataSource pool = database.fresh.apply(3)) {
            legacyFlyway(pool, database, legacyFiles).migrate();
            insertLegacyRows(pool, settings);
            JdbcInboxStore store = JdbcInboxStore.create(pool);

            assertThatThrownBy(store::migrate)
                    .isInstanceOf(SchemaMigrationException.class)
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("repairMigrationHistory()");
            assertThat(versions(pool)).last().isEqualTo(String.valueOf(database.legacyVersion));

            assertThat(store.repairMigrationHistory()).as("V1's checksum realigned").isPositive();
            assertThat(store.repairMigrationHistory()).as("nothing left to realign").isZero();
            assertThat(store.migrate()).isEqualTo(SHIPPED_VERSIONS.size() - database.legacyVersion);
            assertThat(versions(pool)).containsExactlyElementsOf(SHIPPED_VERSIONS);

            InboxKit kit = InboxKit.builder().store(store).build();
            assertThat(kit.administration().account(ACCOUNT).name()).isEqualTo("Before the upgrade");
            assertThat(kit.contacts().isOptedOut(ACCOUNT, OPTED_OUT)).isTrue();
            kit.administration().updateSettings(ACCOUNT, kit.administration().account(ACCOUNT).settings());
            kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId("after-upgrade")
                    .contactNumber("+33655667788").accountNumber(ACCOUNT_NUMBER).text("Hello after the upgrade").build());
            assertThat(kit.inbox().counters(ACCOUNT).unreadConversations()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    @DisplayName("F34 a database created by this build needs no repair: repairMigrationHistory() finds nothing to realign")
    void aCurrentDatabaseNeedsNoRepair(Database database) {
        try (HikariDataSource pool = database.fresh.apply(2)) {
            JdbcInboxStore store = JdbcInboxStore.create(pool);
            store.migrate();
            assertThat(store.repairMigrationHistory()).isZero();
            assertThat(store.migrate()).isZero();
        }
    }

    /** The settings column as this build writes it, so that the legacy row reads like a real one. */
    private static String currentSettingsJson(Database database) throws SQLException {
        try (HikariDataSource pool = database.fresh.apply(2)) {
            JdbcInboxStore store = JdbcInboxStore.create(pool);
            store.migrate();
            InboxKit.builder().store(store).build().administration().createAccount(ACCOUNT, "Before the upgrade",
                    AccountSettings.builder().addSenderIds(ACCOUNT_NUMBER).build());
            try (Connection connection = pool.getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT settings FROM accounts WHERE account_id = ?")) {
                select.setString(1, ACCOUNT.value());
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    return row.getString(1);
                }
            }
        }
    }

    /**
     * The old build's migration files: its own V1, then this version's files up to the version it
     * stopped at, which it shipped unchanged.
     */
    private static Flyway legacyFlyway(HikariDataSource pool, Database database, Path folder) throws Exception {
        ClassLoader loader = JdbcSchemaUpgradeTest.class.getClassLoader();
        String v1 = "V1__inbox_schema.sql";
        try (InputStream legacy = loader.getResourceAsStream(LEGACY + database.folder + "/" + v1)) {
            Files.copy(legacy, folder.resolve(v1));
        }
        Path shipped = Path.of(loader.getResource(SHIPPED + database.folder).toURI());
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path file : files.toList()) {
                int version = Integer.parseInt(file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
                if (version >= 2 && version <= database.legacyVersion) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
        return Flyway.configure(loader)
                .dataSource(pool)
                .locations("filesystem:" + folder)
                .table(SchemaMigrator.HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    private static void insertLegacyRows(HikariDataSource pool, String settings) throws SQLException {
        Timestamp at = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement account = connection.prepareStatement(
                    "INSERT INTO accounts (account_id, name, settings, created_at) VALUES (?, ?, ?, ?)")) {
                account.setString(1, ACCOUNT.value());
                account.setString(2, "Before the upgrade");
                account.setString(3, settings);
                account.setTimestamp(4, at);
                account.executeUpdate();
            }
            try (PreparedStatement counters = connection.prepareStatement(
                    "INSERT INTO account_counters (account_id) VALUES (?)")) {
                counters.setString(1, ACCOUNT.value());
                counters.executeUpdate();
            }
            try (PreparedStatement optOut = connection.prepareStatement("INSERT INTO opt_out_records"
                    + " (account_id, phone_e164, action, source, changed_by, recorded_at) VALUES (?, ?, 'OPTED_OUT', 'USER', 'agent-1', ?)")) {
                optOut.setString(1, ACCOUNT.value());
                optOut.setString(2, OPTED_OUT.e164());
                optOut.setTimestamp(3, at);
                optOut.executeUpdate();
            }
        }
    }

    private static List<String> versions(HikariDataSource pool) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"" + SchemaMigrator.HISTORY_TABLE
                        + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
