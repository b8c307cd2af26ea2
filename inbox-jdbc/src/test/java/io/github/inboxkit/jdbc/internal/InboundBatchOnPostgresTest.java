package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.InboundBlockedException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import io.github.inboxkit.jdbc.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The group commit of inbound messages on PostgreSQL ({@link InboundBatcher}, {@link
 * InboundBatchStatement}): one statement for several messages keeps every rule of one message at a
 * time, row by row, and under concurrent receives on real threads every message is stored once,
 * every thread's sequence is whole and the counters are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundBatchOnPostgresTest {

    private HikariDataSource pool;
    private Jdbi jdbi;
    private JdbiInboxStore store;
    private InboxKit kit;
    private AccountId account;

    @BeforeAll
    void openDatabase() {
        pool = TestDatabases.freshPostgres(30);
        new SchemaMigrator(pool, "classpath:io/github/inboxkit/jdbc/migration/postgresql").migrate();
        jdbi = Jdbi.create(pool);
        store = new JdbiInboxStore(pool, Duration.ofHours(1), true);
        kit = InboxKit.builder().store(store).build();
    }

    @BeforeEach
    void createAccount() {
        account = AccountId.of("acct-" + java.util.UUID.randomUUID());
        kit.administration().createAccount(account, "Batch", AccountSettings.defaults());
    }

    @AfterAll
    void closeDatabase() {
        pool.close();
    }

    @Test
    @DisplayName("F4 F11 F32 F38 one statement starts and resumes threads, leaves closed threads and blocked numbers to the engine, and writes nothing with a repeat")
    void oneStatementForEveryCase() {
        // later than the receives below, which the engine stamps with the system clock
        Instant now = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        PhoneNumber resumed = new PhoneNumber("+14155550201");
        PhoneNumber closed = new PhoneNumber("+14155550202");
        PhoneNumber blocked = new PhoneNumber("+14155550203");
        PhoneNumber fresh = new PhoneNumber("+14155550204");
        PhoneNumber repeated = new PhoneNumber("+14155550205");
        ReceivedMessage before = kit.ingestion().receive(account, incoming("b-1", resumed.e164()));
        ConversationId closedThread = kit.ingestion().receive(account, incoming("b-2", closed.e164())).conversation().id();
        kit.conversations().close(account, closedThread);
        kit.ingestion().receive(account, incoming("b-3", repeated.e164()));
        kit.administration().addUser(account, UserId.of("agent"), "Agent");
        kit.blocking().block(account, blocked.e164(), "abuse", UserId.of("agent"));
        InboxCounters countersBefore = kit.inbox().counters(account);

        ConversationId proposed = ConversationId.random();
        List<InboundAppend> appends = List.of(
                append(ConversationId.random(), resumed, "n-1", now),
                append(ConversationId.random(), closed, "n-2", now),
                append(ConversationId.random(), blocked, "n-3", now),
                append(proposed, fresh, "n-4", now));
        // a repeat among them fails the statement on the message's unique key: nothing is written
        List<InboundAppend> withRepeat = new ArrayList<>(appends);
        withRepeat.add(append(ConversationId.random(), repeated, "b-3", now));
        assertThat(appendAll(withRepeat)).isNull();
        assertThat(kit.inbox().counters(account)).isEqualTo(countersBefore);
        assertThat(carrierIdsStored()).containsExactlyInAnyOrder("b-1", "b-2", "b-3");

        List<InboundAppendResult> results = appendAll(appends);

        var resume = (InboundAppendResult.Appended) results.get(0);
        assertThat(resume.started()).isFalse();
        assertThat(resume.message().conversationId()).isEqualTo(before.conversation().id());
        assertThat(resume.message().sequence()).isEqualTo(2);
        assertThat(resume.conversation().unreadCount()).isEqualTo(2);
        assertThat(resume.conversation().lastActivityAt()).isEqualTo(now);
        assertThat(results.get(1)).isInstanceOf(InboundAppendResult.NotApplied.class);
        assertThat(results.get(2)).isInstanceOf(InboundAppendResult.NotApplied.class);
        var start = (InboundAppendResult.Appended) results.get(3);
        assertThat(start.started()).isTrue();
        assertThat(start.message().conversationId()).isEqualTo(proposed);
        assertThat(start.message().sequence()).isEqualTo(1);

        // one new open thread and one more unread conversation, once for the batch; the counters
        // every appended message reads are those after it
        InboxCounters after = new InboxCounters(countersBefore.openConversations() + 1,
                countersBefore.closedConversations(), countersBefore.unreadConversations() + 1);
        assertThat(kit.inbox().counters(account)).isEqualTo(after);
        assertThat(resume.counters()).isEqualTo(after);
        assertThat(start.counters()).isEqualTo(after);
        assertThat(carrierIdsStored()).containsExactlyInAnyOrder("b-1", "b-2", "b-3", "n-1", "n-4");
        assertThat(kit.conversations().get(account, closedThread).lastMessageSequence()).isEqualTo(1);
    }

    @Test
    @DisplayName("F11 F32 concurrent receives of one account share statements; each message once, sequences whole, counters exact")
    void concurrentReceivesShareStatements() throws InterruptedException {
        int threads = 16;
        int messages = 800;
        int numbers = 40;
        long batchedBefore = store.inboundBatcher().batchedMessages();
        AtomicInteger next = new AtomicInteger();
        Map<String, ReceivedMessage> firsts = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<ReceivedMessage> repeats = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        atOnce(threads, worker -> {
            try {
                int i;
                while ((i = next.getAndIncrement()) < messages) {
                    // every tenth message repeats an earlier carrier id (a carrier's retry)
                    String carrierId = "m-" + (i % 10 == 9 ? i - 5 : i);
                    ReceivedMessage received = kit.ingestion().receive(account,
                            incoming(carrierId, "+1415556" + String.format("%04d", i % numbers)));
                    if (received.duplicate()) {
                        repeats.add(received);
                    } else {
                        assertThat(firsts.putIfAbsent(carrierId, received)).as("a second first for " + carrierId).isNull();
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        assertThat(failures).isEmpty();

        // every carrier id stored once, and a repeat answered with the first message
        List<String> stored = carrierIdsStored();
        assertThat(stored).doesNotHaveDuplicates().hasSize(firsts.size()).containsExactlyInAnyOrderElementsOf(firsts.keySet());
        for (ReceivedMessage repeat : repeats) {
            assertThat(repeat.message()).isEqualTo(firsts.get(repeat.message().carrierMessageId().orElseThrow()).message());
        }
        // each thread's sequence is 1..n with n its last sequence and its unread count
        List<Map<String, Object>> threadsRows = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT c.last_message_sequence, c.unread_count, count(m.message_id) AS n, min(m.sequence) AS lo,"
                        + " max(m.sequence) AS hi, count(DISTINCT m.sequence) AS distinct_sequences"
                        + " FROM conversations c JOIN messages m ON m.account_id = c.account_id"
                        + " AND m.conversation_id = c.conversation_id WHERE c.account_id = :a"
                        + " GROUP BY c.conversation_id, c.last_message_sequence, c.unread_count")
                .bind("a", account.value()).mapToMap().list());
        // a thread for each number whose first message was stored (a carrier's retry that came
        // before its original is the first, under its own number)
        long threadCount = firsts.values().stream().map(received -> received.message().contactPhone()).distinct().count();
        assertThat(threadsRows).hasSize((int) threadCount);
        for (Map<String, Object> row : threadsRows) {
            long n = ((Number) row.get("n")).longValue();
            assertThat(((Number) row.get("lo")).longValue()).isEqualTo(1);
            assertThat(((Number) row.get("hi")).longValue()).isEqualTo(n);
            assertThat(((Number) row.get("distinct_sequences")).longValue()).isEqualTo(n);
            assertThat(((Number) row.get("last_message_sequence")).longValue()).isEqualTo(n);
            assertThat(((Number) row.get("unread_count")).longValue()).isEqualTo(n);
        }
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(threadCount, 0, threadCount));
        // and the receives did share statements
        assertThat(store.inboundBatcher().batchedMessages()).isGreaterThan(batchedBefore);
    }

    @Test
    @DisplayName("F38 a blocked number's message in a burst is turned away by the engine, the others appended")
    void blockedNumberInABurst() throws InterruptedException {
        kit.administration().addUser(account, UserId.of("agent"), "Agent");
        kit.blocking().block(account, "+14155570000", "abuse", UserId.of("agent"));
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        atOnce(12, number -> {
            try {
                outcomes.add(kit.ingestion().receive(account, incoming("k-" + number,
                        "+1415557" + String.format("%04d", number))));
            } catch (InboundBlockedException blocked) {
                outcomes.add(blocked);
            } catch (Throwable e) {
                outcomes.add(e);
            }
        });
        assertThat(outcomes).hasSize(12);
        assertThat(outcomes.stream().filter(InboundBlockedException.class::isInstance)).hasSize(1);
        assertThat(outcomes.stream().filter(ReceivedMessage.class::isInstance)).hasSize(11);
        assertThat(carrierIdsStored()).hasSize(11).doesNotContain("k-0");
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(11, 0, 11));
    }

    /** Runs the work on as many real threads, started together, and waits for them all. */
    private static void atOnce(int threads, IntConsumer work) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                work.accept(worker);
            });
            thread.start();
            workers.add(thread);
        }
        start.countDown();
        for (Thread thread : workers) {
            thread.join();
        }
    }

    private List<InboundAppendResult> appendAll(List<InboundAppend> appends) {
        return jdbi.inTransaction(handle -> InboundBatchStatement.appendAll(
                new JdbiStoreTransaction(handle, account, new AccountCache(Duration.ZERO), true), appends));
    }

    private List<String> carrierIdsStored() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT carrier_message_id FROM messages WHERE account_id = :a")
                .bind("a", account.value()).mapTo(String.class).list());
    }

    private static InboundAppend append(ConversationId conversation, PhoneNumber phone, String carrierId, Instant at) {
        Message message = Message.builder().id(MessageId.random()).conversationId(conversation).sequence(1)
                .contactPhone(phone).direction(Direction.INBOUND).text("Hi " + carrierId).senderId("+14155550100")
                .carrierMessageId(carrierId).status(MessageStatus.RECEIVED).read(false).createdAt(at).build();
        return new InboundAppend(message, "preview " + carrierId, at.minus(Duration.ofDays(90)));
    }

    private static IncomingMessage incoming(String carrierId, String from) {
        return IncomingMessage.builder().carrierMessageId(carrierId).contactNumber(from)
                .accountNumber("+14155550100").text("Is my order ready? " + carrierId).build();
    }
}
