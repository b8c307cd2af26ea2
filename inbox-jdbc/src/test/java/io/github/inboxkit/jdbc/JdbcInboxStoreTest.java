package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JdbcInboxStoreTest {

    @Test
    @DisplayName("F34 a store built from a JDBC URL owns its Hikari pool: it migrates, serves use cases and closes the pool")
    void buildsAndOwnsAHikariPool() {
        AccountId account = AccountId.of("acct-url");
        String url = TestDatabases.freshH2Url();
        try (JdbcInboxStore store = JdbcInboxStore.builder(url, "sa", "").maximumPoolSize(3).build()) {
            assertThat(store.dialect()).isEqualTo(Dialect.H2);
            assertThat(store.migrate()).isPositive();
            StoreFixtures.newAccount(store);
            store.inTransaction(account, tx -> {
                tx.accounts().insertAccount(Account.builder().id(account).name("Url").settings(AccountSettings.defaults())
                        .createdAt(StoreFixtures.T0).build());
                return null;
            });
            assertThat(store.listAccountIds()).hasSize(2).contains(account);
        }
    }

    @Test
    @DisplayName("F34 a JDBC URL that cannot be connected to is refused with a typed error when the store is built")
    void unreachableUrlIsATypedError() {
        assertThatThrownBy(() -> JdbcInboxStore.builder("jdbc:h2:mem:nothing;IFEXISTS=TRUE", "sa", "").build())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot open a connection pool");
    }

    @Test
    void builderArgumentsAreCheckedWhenGiven() {
        assertThatThrownBy(() -> JdbcInboxStore.builder("postgresql://db/inbox", "u", "p"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("jdbc:");
        try (HikariDataSource pool = TestDatabases.freshH2(2)) {
            assertThatThrownBy(() -> JdbcInboxStore.builder(pool).maximumPoolSize(5))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("maximumPoolSize");
            assertThatThrownBy(() -> JdbcInboxStore.builder(pool).cacheExpiry(Duration.ofSeconds(-1)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("cacheExpiry");
        }
        assertThatThrownBy(() -> JdbcInboxStore.builder("jdbc:h2:mem:", "sa", "").maximumPoolSize(1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining(">= 2");
    }

    @Test
    @DisplayName("F21 another node sees changed settings (sender IDs) once its cache entry expires; with no cache at once")
    void settingsCachedOnAnotherNodeAreBoundedlyStale() {
        try (HikariDataSource pool = TestDatabases.freshH2(4)) {
            JdbcInboxStore writer = JdbcInboxStore.create(pool);
            writer.migrate();
            JdbcInboxStore cachingNode = JdbcInboxStore.builder(pool).cacheExpiry(Duration.ofHours(1)).build();
            JdbcInboxStore uncachedNode = JdbcInboxStore.builder(pool).cacheExpiry(Duration.ZERO).build();
            AccountId account = StoreFixtures.newAccount(writer);
            Account before = cachingNode.inTransaction(account, tx -> tx.accounts().findAccount().orElseThrow());
            Account after = Account.builder().from(before).settings(AccountSettings.builder()
                    .senderIds(List.of("+33612340000")).defaultSenderId("+33612340000").build()).build();

            writer.inTransaction(account, tx -> {
                tx.accounts().updateAccount(after);
                return null;
            });

            Optional<Account> cached = cachingNode.inTransaction(account, tx -> tx.accounts().findAccount());
            Optional<Account> fresh = uncachedNode.inTransaction(account, tx -> tx.accounts().findAccount());
            Optional<Account> written = writer.inTransaction(account, tx -> tx.accounts().findAccount());
            assertThat(cached).contains(before); // within cacheExpiry: the documented staleness
            assertThat(fresh).contains(after);
            assertThat(written).contains(after);
        }
    }
}
