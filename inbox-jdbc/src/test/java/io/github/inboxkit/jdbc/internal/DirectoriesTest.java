package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.jdbc.TestDatabases;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The node's copies of accounts' directories ({@link Directories}) on H2 and PostgreSQL: when a
 * copy is read, what it holds, the accounts too large to copy, and the bound on memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoriesTest {

    private final Map<String, HikariDataSource> pools = new java.util.HashMap<>();

    @BeforeAll
    void openDatabases() {
        pools.put("h2", TestDatabases.freshH2(2));
        pools.put("postgresql", TestDatabases.freshPostgres(2));
        pools.forEach((dialect, pool) ->
                new SchemaMigrator(pool, "classpath:io/github/inboxkit/jdbc/migration/" + dialect).migrate());
    }

    @AfterAll
    void closeDatabases() {
        pools.values().forEach(HikariDataSource::close);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("F1 F17 a copy is read once a version was read twice in a row, with the account's contacts and users")
    void copiesOnceTheVersionHeldStill(String dialect) {
        try (Handle handle = Jdbi.create(pools.get(dialect)).open()) {
            String account = account(handle, 2, 1);
            Directories directories = new Directories(100, 5);

            seen(directories, handle, account);
            assertThat(directories.known(account)).hasValueSatisfying(known -> {
                assertThat(known.copied()).isFalse();
                assertThat(known.checkedVersion()).isEqualTo(Directories.NO_COPY);
            });

            seen(directories, handle, account);
            Directories.Directory copy = directories.known(account).orElseThrow();
            assertThat(copy.copied()).isTrue();
            assertThat(copy.checkedVersion()).isZero();
            assertThat(copy.contacts()).containsOnlyKeys("+33600000000", "+33600000001");
            assertThat(copy.contacts().get("+33600000001").firstName()).contains("First 1");
            assertThat(copy.users()).containsOnlyKeys("user-0");

            // another version: the copy is dropped for a note of that version
            directories.seen(handle.getConnection(), account, Optional.of(copy), 1);
            assertThat(directories.known(account)).hasValueSatisfying(known -> {
                assertThat(known.copied()).isFalse();
                assertThat(known.version()).isEqualTo(1);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("F1 an account with more contacts than the limit is not copied, nor counted again at its next change")
    void largeAccountsAreNotCopied(String dialect) {
        try (Handle handle = Jdbi.create(pools.get(dialect)).open()) {
            String account = account(handle, 3, 1);
            Directories directories = new Directories(100, 2);

            seen(directories, handle, account);
            seen(directories, handle, account);
            Directories.Directory large = directories.known(account).orElseThrow();
            assertThat(large.copied()).isFalse();
            assertThat(large.largeSince()).isNotNull();

            directories.seen(handle.getConnection(), account, Optional.of(large), 7);
            assertThat(directories.known(account)).containsSame(large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    @DisplayName("F1 copies are bounded by the contacts and users they hold; none are kept at size zero")
    void copiesAreBounded(String dialect) {
        try (Handle handle = Jdbi.create(pools.get(dialect)).open()) {
            Directories none = new Directories(0);
            String account = account(handle, 1, 1);
            seen(none, handle, account);
            assertThat(none.known(account)).isEmpty();

            Directories small = new Directories(10, 100);
            String first = account(handle, 6, 1);
            String second = account(handle, 6, 1);
            for (String each : new String[] {first, first, second, second}) {
                seen(small, handle, each);
            }
            small.forget("nobody");
            // each copy weighs 8 (6 contacts, 1 user and its note): both cannot stay
            long copied = java.util.stream.Stream.of(first, second)
                    .filter(each -> small.known(each).map(Directories.Directory::copied).orElse(false)).count();
            assertThat(copied).isLessThanOrEqualTo(1);

            small.forget(second);
            assertThat(small.known(second)).isEmpty();
        }
    }

    /** A page of the account read version 0 of its directory. */
    private static void seen(Directories directories, Handle handle, String account) {
        directories.seen(handle.getConnection(), account, directories.known(account), 0);
    }

    /** Creates an account with {@code contacts} contacts and {@code users} users, by SQL. */
    private static String account(Handle handle, int contacts, int users) {
        String account = "acct-" + UUID.randomUUID();
        handle.execute("INSERT INTO accounts (account_id, name, settings, created_at)"
                + " VALUES (?, 'Directory', '{}', CURRENT_TIMESTAMP)", account);
        for (int i = 0; i < contacts; i++) {
            handle.execute("INSERT INTO contacts (account_id, contact_id, phone_e164, first_name, last_name,"
                    + " search_name, custom_fields, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, '', '{}',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", account, UUID.randomUUID(), "+3360000000" + i,
                    "First " + i);
        }
        for (int i = 0; i < users; i++) {
            handle.execute("INSERT INTO users (account_id, user_id, display_name, created_at)"
                    + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)", account, "user-" + i, "User " + i);
        }
        return account;
    }
}
