package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import io.github.inboxkit.jdbc.Dialect;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import io.github.inboxkit.jdbc.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The one-statement append of an inbound message on PostgreSQL ({@link InboundAppendStatement}):
 * what it returns for each case, that it writes nothing where it leaves the message to the
 * engine, that a repeat it cannot see is a conflict, that it commits with its statement, and that
 * a receive sends that one statement (the commit with it), nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundAppendOnPostgresTest {

    /** A fresh account for each test. */
    private AccountId account;

    /** Every statement the engine's connections prepared or created, by SQL text. */
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private InboxKit kit;

    private HikariDataSource pool;
    private Jdbi jdbi;

    @BeforeAll
    void openDatabase() {
        pool = TestDatabases.freshPostgres(6);
        new SchemaMigrator(pool, "classpath:io/github/inboxkit/jdbc/migration/postgresql").migrate();
        jdbi = Jdbi.create(pool);
        kit = InboxKit.builder().store(JdbcInboxStore.builder(counting(pool)).dialect(Dialect.POSTGRESQL)
                .cacheExpiry(Duration.ofHours(1)).build())
                .build();
    }

    @BeforeEach
    void createAccount() {
        account = AccountId.of("acct-" + java.util.UUID.randomUUID());
        kit.administration().createAccount(account, "Append", AccountSettings.defaults());
    }

    @AfterAll
    void closeDatabase() {
        pool.close();
    }

    @Test
    @DisplayName("F4 F11 F32 the statement starts a thread and resumes it, counters exact; a repeat and a closed thread are the engine's, unchanged")
    void appendCases() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        ConversationId proposed = ConversationId.random();
        PhoneNumber phone = new PhoneNumber("+14155550111");

        var started = (InboundAppendResult.Appended) append(message(proposed, phone, "c-1", "Hello", now), now, true);
        assertThat(started.started()).isTrue();
        assertThat(started.message().conversationId()).isEqualTo(proposed);
        assertThat(started.message().sequence()).isEqualTo(1);
        assertThat(started.conversation().unreadCount()).isEqualTo(1);
        assertThat(started.conversation().state()).isEqualTo(ConversationState.OPEN);
        assertThat(started.conversation().lastMessagePreview()).isEqualTo("preview");
        assertThat(started.counters()).isEqualTo(new InboxCounters(1, 0, 1));

        // a repeat fails the statement on the message's unique key: nothing written, the engine's
        // general path finds it
        assertThat(append(message(ConversationId.random(), phone, "c-1", "Hello again", now.plusSeconds(1)), now,
                true)).isInstanceOf(InboundAppendResult.NotApplied.class);
        assertThat(kit.conversations().get(account, proposed)).isEqualTo(started.conversation());
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));

        // a reply to a thread with unread messages moves no counter: the row is read, not written
        long counterRowBefore = counterRowVersion();
        var resumed = (InboundAppendResult.Appended) append(
                message(ConversationId.random(), phone, "c-2", "More", now.plusSeconds(2)), now, true);
        assertThat(counterRowVersion()).isEqualTo(counterRowBefore);
        assertThat(resumed.started()).isFalse();
        assertThat(resumed.message().conversationId()).isEqualTo(proposed);
        assertThat(resumed.message().sequence()).isEqualTo(2);
        assertThat(resumed.conversation().unreadCount()).isEqualTo(2);
        assertThat(resumed.conversation().lastActivityAt()).isEqualTo(now.plusSeconds(2));
        assertThat(resumed.counters()).isEqualTo(new InboxCounters(1, 0, 1));

        // read, the thread's next message moves the unread counter again, in the row
        kit.conversations().markRead(account, proposed);
        long counterRowRead = counterRowVersion();
        var unreadAgain = (InboundAppendResult.Appended) append(
                message(ConversationId.random(), phone, "c-4", "Still there?", now.plusSeconds(3)), now, true);
        assertThat(unreadAgain.counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(counterRowVersion()).isNotEqualTo(counterRowRead);
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));

        kit.conversations().close(account, proposed);
        assertThat(append(message(ConversationId.random(), phone, "c-3", "Back", now.plusSeconds(4)), now, true))
                .isInstanceOf(InboundAppendResult.NotApplied.class);
        assertThat(kit.conversations().get(account, proposed).lastMessageSequence()).isEqualTo(3);
    }

    /** The transaction that last wrote the account's counters row. */
    private long counterRowVersion() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT CAST(CAST(xmin AS text) AS bigint) FROM account_counters WHERE account_id = :account")
                .bind("account", account.value()).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("F1 a stale thread, and H2, are left to the engine's general path with nothing written")
    void notApplied() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        PhoneNumber phone = new PhoneNumber("+14155550122");
        var first = (InboundAppendResult.Appended) append(message(ConversationId.random(), phone, "s-1", "Old", now),
                now, true);

        Instant later = now.plus(Duration.ofDays(91));
        assertThat(append(message(ConversationId.random(), phone, "s-2", "New", later), later.minus(Duration.ofDays(90)),
                true)).isInstanceOf(InboundAppendResult.NotApplied.class);
        assertThat(append(message(ConversationId.random(), new PhoneNumber("+14155550123"), "s-3", "New", later),
                later, false)).isInstanceOf(InboundAppendResult.NotApplied.class);

        assertThat(kit.conversations().get(account, first.conversation().id())).isEqualTo(first.conversation());
        int written = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM messages WHERE account_id = :a"
                + " AND carrier_message_id IN ('s-2', 's-3')").bind("a", account.value()).mapTo(Integer.class).one());
        assertThat(written).isZero();
    }

    @Test
    @DisplayName("F32 a repeat committed while the statement runs writes nothing and is left to the engine, never a second message or count")
    void unseenRepeatIsAConflict() throws Exception {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        InboxCounters before = kit.inbox().counters(account);
        CompletableFuture<InboundAppendResult> second;
        try (Handle first = jdbi.open()) {
            // a receive of the same carrier id, not committed yet
            first.begin();
            ConversationId thread = ConversationId.random();
            first.execute("INSERT INTO conversations (account_id, conversation_id, phone_e164, phone_digits, state,"
                    + " unread_count, has_unread, last_activity_at, preview, last_message_sequence, created_at)"
                    + " VALUES (?, ?, '+14155550133', '14155550133', 'OPEN', 1, TRUE, now(), 'One', 1, now())",
                    account.value(), thread.value());
            first.execute("INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164,"
                    + " direction, body, body_lower, media, carrier_message_id, status, is_read, created_at)"
                    + " VALUES (?, gen_random_uuid(), ?, 1, '+14155550133', 'INBOUND', 'One', 'one', '[]', 'u-1',"
                    + " 'RECEIVED', FALSE, now())", account.value(), thread.value());
            first.execute("UPDATE account_counters SET open_conversations = open_conversations + 1,"
                    + " unread_conversations = unread_conversations + 1 WHERE account_id = ?", account.value());
            // the same carrier id from another number: no thread lock in common, only the unique key
            second = CompletableFuture.supplyAsync(() -> append(message(ConversationId.random(),
                    new PhoneNumber("+14155550134"), "u-1", "One", now), now, true));
            awaitLockWait();
            first.commit();
        }

        assertThat(second.join()).isInstanceOf(InboundAppendResult.NotApplied.class);
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(before.openConversations() + 1,
                before.closedConversations(), before.unreadConversations() + 1));
    }

    /** Waits until a session of the database waits for a lock (10 seconds at most). */
    private void awaitLockWait() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            int waiting = jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'").mapTo(Integer.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second statement never waited for the first transaction");
    }

    @Test
    @DisplayName("F11 the append commits with its statement: its writes stay, and nothing may follow it in the transaction")
    void commitsWithItsStatement() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            JdbiStoreTransaction tx = transaction(handle, true);
            tx.appendInbound(new InboundAppend(message(ConversationId.random(), new PhoneNumber("+14155550155"),
                    "k-1", "Hi", now), "p", now));
            tx.counters().counters();
        })).isInstanceOf(IllegalStateException.class);
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));
    }

    @Test
    @DisplayName("F32 for an account the statistics do not know, the statement reads no message and finds the thread by the upsert")
    void planForUnknownAccount() {
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO conversations (account_id, conversation_id, phone_e164, phone_digits, state,"
                    + " unread_count, has_unread, last_activity_at, preview, last_message_sequence, created_at)"
                    + " SELECT 'acct-big', gen_random_uuid(), '+1' || (2000000000 + i), (12000000000 + i)::text, 'OPEN',"
                    + " 0, FALSE, now(), 'Sale', 1, now() FROM generate_series(1, 20000) AS i");
            handle.execute("INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164,"
                    + " direction, body, body_lower, media, carrier_message_id, status, is_read, created_at)"
                    + " SELECT 'acct-big', gen_random_uuid(), gen_random_uuid(), 1, '+1' || (2000000000 + i), 'INBOUND',"
                    + " 'Sale', 'sale', '[]', 'big-' || i, 'RECEIVED', FALSE, now() FROM generate_series(1, 20000) AS i");
            handle.execute("ANALYZE conversations, messages");
        });
        String sql = InboundAppendStatement.SQL;
        for (String name : List.of("bodyLower", "body", "account", "carrierId", "phone", "digits", "conversation",
                "message", "now", "windowStart", "preview", "media", "senderId", "carrierReceivedAt", "textRepairs")) {
            String literal = switch (name) {
                case "conversation", "message" -> "'" + java.util.UUID.randomUUID() + "'";
                case "now", "windowStart" -> "'2026-12-03T10:00:00Z'";
                case "carrierReceivedAt" -> "NULL";
                case "textRepairs" -> "0";
                default -> "'x'";
            };
            sql = sql.replace(":" + name, literal);
        }
        String explained = "EXPLAIN " + sql;
        String plan = jdbi.withHandle(handle -> String.join("\n", handle.createQuery(explained).mapTo(String.class).list()));
        // no message is read at all (a repeat meets the insert's unique key), the thread is the
        // upsert's arbiter, and no index led by the account is scanned
        assertThat(plan).doesNotContain("Scan using messages", "Scan on messages", "Seq Scan on conversations",
                        "Scan using conversations", "Bitmap")
                .contains("Conflict Arbiter Indexes: conversations_phone_uk");
    }

    @Test
    @DisplayName("F32 a receive on PostgreSQL sends one statement and the commit, for a new thread and a resumed one; a repeat then only reads")
    void oneStatementPerReceive() {
        PhoneNumber phone = new PhoneNumber("+14155550144");
        kit.ingestion().receive(account, incoming("r-0", "+14155550145")); // the account is cached from here on

        for (IncomingMessage message : List.of(incoming("r-1", phone.e164()), incoming("r-2", phone.e164()))) {
            statements.clear();
            commits.clear();
            kit.ingestion().receive(account, message);
            assertThat(statements).singleElement().satisfies(sql -> assertThat(sql).startsWith("WITH thread AS"));
            assertThat(commits).hasSize(1);
        }
        // a repeat: the statement, rolled back on the unique key, then the general path's reads
        statements.clear();
        commits.clear();
        assertThat(kit.ingestion().receive(account, incoming("r-1", phone.e164())).duplicate()).isTrue();
        assertThat(statements.get(0)).startsWith("WITH thread AS");
        assertThat(statements.subList(1, statements.size())).isNotEmpty()
                .allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
    }

    private InboundAppendResult append(Message message, Instant windowStart, boolean postgres) {
        return jdbi.inTransaction(handle -> transaction(handle, postgres)
                .appendInbound(new InboundAppend(message, "preview", windowStart)));
    }

    private JdbiStoreTransaction transaction(Handle handle, boolean setBased) {
        return new JdbiStoreTransaction(handle, account, new AccountCache(Duration.ZERO), setBased);
    }

    private static Message message(ConversationId conversation, PhoneNumber phone, String carrierId, String text,
            Instant at) {
        return Message.builder().id(MessageId.random()).conversationId(conversation).sequence(1).contactPhone(phone)
                .direction(Direction.INBOUND).text(text).senderId("+14155550100").carrierMessageId(carrierId)
                .status(MessageStatus.RECEIVED).read(false).createdAt(at).build();
    }

    private static IncomingMessage incoming(String carrierId, String from) {
        return IncomingMessage.builder().carrierMessageId(carrierId).contactNumber(from)
                .accountNumber("+14155550100").text("Is my order ready?").build();
    }

    /** The pool, its connections counting the statements they prepare or create and their commits. */
    private DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = call(method, target, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().startsWith("prepare")) {
                                    statements.add((String) a[0]);
                                } else if (m.getName().equals("createStatement")) {
                                    statements.add("(a plain statement)");
                                } else if (m.getName().equals("commit")) {
                                    commits.add("commit");
                                }
                                return call(m, connection, a);
                            });
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
