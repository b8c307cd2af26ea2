package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Counts what the JDBC store sends PostgreSQL for an inbox page, through a data source that counts
 * the statements prepared, the transactions begun and the commits: a first page is one statement in
 * autocommit (one round trip), where a page in a transaction takes one per read and one for its
 * commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcInboxPageRoundTripsOnPostgresTest {

    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger begins = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private HikariDataSource pool;
    private InboxKit kit;
    private final AccountId account = AccountId.of("acct-round-trips");

    @BeforeAll
    void startEngine() {
        pool = TestDatabases.freshPostgres(2);
        JdbcInboxStore store = JdbcInboxStore.create(counting(pool));
        store.migrate();
        kit = InboxKit.builder().store(store).clock(Clock.systemUTC()).build();
        kit.administration().createAccount(account, "Round trips", AccountSettings.defaults());
        kit.administration().addUser(account, UserId.of("alice"), "Alice Martin");
        for (int i = 0; i < 3; i++) {
            String number = "+3361000000" + i;
            kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("round-trip-" + i)
                    .contactNumber(number).accountNumber("+33700000001").text("hello " + i).build());
            kit.contacts().create(account, number, ContactDetails.builder().firstName("Ann").build());
        }
        kit.team().assign(account, kit.conversations().findByPhone(account, "+33610000000").orElseThrow().id(),
                UserId.of("alice"), UserId.of("alice"));
    }

    @AfterAll
    void closePool() {
        pool.close();
    }

    @Test
    @DisplayName("F1 F11 a first page with its contacts, assignees and counters is one statement, no transaction")
    void firstPageIsOneStatement() {
        // as on a busy node: the first page caches the account and notes its directory version, the
        // second finds the version unchanged and copies the account's contacts and users
        kit.inbox().list(account, InboxQuery.openTab());
        kit.inbox().list(account, InboxQuery.openTab());
        reset();

        InboxPage page = kit.inbox().list(account, InboxQuery.openTab());

        assertThat(page.rows()).hasSize(3).allSatisfy(row -> assertThat(row.contactName()).contains("Ann"));
        assertThat(page.rows()).filteredOn(row -> row.assignee().isPresent())
                .extracting(InboxRow::assigneeInitials).containsExactly(java.util.Optional.of("AM"));
        assertThat(page.counters().openConversations()).isEqualTo(3);
        assertThat(statements).hasValue(1);
        assertThat(begins).hasValue(0);
        assertThat(commits).hasValue(0);
    }

    @Test
    @DisplayName("F1 the next page of a walk with a snapshot stays one transaction")
    void nextPageOfAWalkIsATransaction() {
        InboxPage first = kit.inbox().list(account, InboxQuery.builder().limit(2).build());
        reset();

        kit.inbox().list(account, InboxQuery.builder().limit(2).after(first.next()).build());

        assertThat(begins).hasValue(1);
        assertThat(commits).hasValue(1);
    }

    private void reset() {
        statements.set(0);
        begins.set(0);
        commits.set(0);
    }

    /** The pool, with every connection it hands out counting statements, begins and commits. */
    private DataSource counting(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "prepareStatement", "createStatement", "prepareCall" -> statements.incrementAndGet();
                        case "commit" -> commits.incrementAndGet();
                        case "setAutoCommit" -> {
                            if (!(Boolean) args[0] && connection.getAutoCommit()) {
                                begins.incrementAndGet();
                            }
                        }
                        default -> { }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
