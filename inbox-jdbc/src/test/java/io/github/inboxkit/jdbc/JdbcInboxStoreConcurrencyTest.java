package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.store.StoreTransaction;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.ForwardingInboxStore;
import io.github.inboxkit.core.store.TransactionWork;
import io.github.inboxkit.core.store.StoreException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real threads running the engine's use cases against the embedded PostgreSQL server through the
 * JDBC store, with exact totals asserted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcInboxStoreConcurrencyTest {

    private static final int THREADS = 8;

    private HikariDataSource pool;
    private JdbcInboxStore store;
    private InboxKit inbox;

    @BeforeAll
    void start() {
        pool = TestDatabases.freshPostgres(THREADS + 2);
        store = JdbcInboxStore.create(pool);
        store.migrate();
        inbox = InboxKit.builder().store(store).build();
    }

    @AfterAll
    void stop() {
        pool.close();
    }

    private AccountId newAccount() {
        AccountId account = AccountId.of("acct-" + UUID.randomUUID());
        inbox.administration().createAccount(account, "Concurrency", AccountSettings.defaults());
        return account;
    }

    private static IncomingMessage incoming(String carrierId, String from, String text) {
        return IncomingMessage.builder().carrierMessageId(carrierId).contactNumber(from).accountNumber("+33700000000").text(text).build();
    }

    @Test
    @DisplayName("F4 F11 many threads ingesting for the same new contact create one thread with exact counters")
    void concurrentIngestionForOneNewContact() throws Exception {
        AccountId account = newAccount();
        int perThread = 12;
        List<ReceivedMessage> received = runConcurrently(THREADS, thread -> {
            List<ReceivedMessage> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(inbox.ingestion().receive(account,
                        incoming("t" + thread + "-m" + i, "+33612345678", "message " + i)));
            }
            return mine;
        });

        int total = THREADS * perThread;
        assertThat(received).hasSize(total).noneMatch(ReceivedMessage::duplicate);
        assertThat(received.stream().map(r -> r.conversation().id()).distinct()).hasSize(1);
        Conversation conversation = inbox.conversations().get(account, received.get(0).conversation().id());
        assertThat(conversation.unreadCount()).isEqualTo(total);
        assertThat(conversation.lastMessageSequence()).isEqualTo(total);
        List<Message> messages = inbox.conversations().messages(account, conversation.id(), 500);
        assertThat(messages.stream().mapToLong(Message::sequence).sorted().toArray())
                .containsExactly(LongStream.rangeClosed(1, total).toArray());
        assertThat(inbox.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));
    }

    @Test
    @DisplayName("F11 concurrent ingestion and mark-read across many contacts keep the badge and tab counts exact")
    void concurrentIngestionAcrossContacts() throws Exception {
        AccountId account = newAccount();
        int contacts = 9;
        runConcurrently(THREADS, thread -> {
            for (int i = 0; i < 20; i++) {
                inbox.ingestion().receive(account, incoming("x" + thread + "-" + i,
                        "+336123450" + String.format("%02d", (thread + i) % contacts), "hello"));
            }
            return List.of();
        });
        assertThat(inbox.inbox().counters(account)).isEqualTo(new InboxCounters(contacts, 0, contacts));

        List<Conversation> conversations = new ArrayList<>();
        for (int n = 0; n < contacts; n++) {
            conversations.add(inbox.conversations().findByPhone(account, "+336123450" + String.format("%02d", n)).orElseThrow());
        }
        runConcurrently(THREADS, thread -> {
            Conversation target = conversations.get(thread % 3); // several threads mark the same three read
            inbox.conversations().markRead(account, target.id());
            inbox.ingestion().receive(account, incoming("late-" + thread, "+33612345099", "late"));
            return List.of();
        });
        assertThat(inbox.inbox().counters(account)).isEqualTo(new InboxCounters(contacts + 1, 0, contacts - 3 + 1));
    }

    @Test
    @DisplayName("F32 the same carrier ids delivered concurrently by many threads create one message each")
    void duplicateCarrierIdsCreateOneMessage() throws Exception {
        AccountId account = newAccount();
        int distinct = 12;
        List<ReceivedMessage> received = runConcurrently(THREADS, thread -> {
            List<ReceivedMessage> mine = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                mine.add(inbox.ingestion().receive(account, incoming("dup-" + i, "+33612345600", "hi " + i)));
            }
            return mine;
        });
        assertThat(received.stream().map(r -> r.message().id()).distinct()).hasSize(distinct);
        assertThat(received.stream().filter(r -> !r.duplicate())).hasSize(distinct);
        Conversation conversation = inbox.conversations().findByPhone(account, "+33612345600").orElseThrow();
        assertThat(conversation.unreadCount()).isEqualTo(distinct);
        assertThat(conversation.lastMessageSequence()).isEqualTo(distinct);
        assertThat(inbox.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));
    }

    @Test
    @DisplayName("F34 a connection killed in the middle of ingestion leaves nothing written; the retry succeeds once")
    void killedConnectionLeavesNoPartialState() throws Exception {
        AccountId account = newAccount();
        inbox.ingestion().receive(account, incoming("before", "+33612345601", "first"));

        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        // the same JDBC store, paused after the message insert and before the conversation update
        InboxStore pausing = pausingBefore("updateConversation", paused, resume);
        InboxKit node = InboxKit.builder().store(pausing).build();

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ReceivedMessage> victim = executor.submit(() ->
                    node.ingestion().receive(account, incoming("killed", "+33612345601", "second")));
            assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(terminateIdleInTransactionBackends()).isEqualTo(1);
            resume.countDown();
            assertThatThrownBy(() -> victim.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(StoreException.class);
        } finally {
            resume.countDown();
            executor.shutdownNow();
        }

        Conversation conversation = inbox.conversations().findByPhone(account, "+33612345601").orElseThrow();
        assertThat(conversation.lastMessageSequence()).isEqualTo(1);
        assertThat(conversation.unreadCount()).isEqualTo(1);
        assertThat(inbox.conversations().messages(account, conversation.id(), 10)).hasSize(1);

        ReceivedMessage retried = inbox.ingestion().receive(account, incoming("killed", "+33612345601", "second"));
        assertThat(retried.duplicate()).isFalse();
        assertThat(retried.message().sequence()).isEqualTo(2);
        assertThat(inbox.ingestion().receive(account, incoming("killed", "+33612345601", "second")).duplicate()).isTrue();
        assertThat(inbox.conversations().get(account, conversation.id()).unreadCount()).isEqualTo(2);
        assertThat(inbox.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));
    }

    @Test
    @DisplayName("F19 F34 a connection killed while a dispatcher writes broadcast copies leaves them queued and nothing half-written; the next step writes and sends each once")
    void killedConnectionWhileWritingCopies() throws Exception {
        AccountId account = AccountId.of("acct-" + UUID.randomUUID());
        inbox.administration().createAccount(account, "Copies", AccountSettings.builder()
                .senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(2).build();
        Sending sending = InboxKit.builder().store(store).carrier(carrier).build().sending();
        List<String> numbers = List.of("+14155550201", "+14155550202", "+14155550203");
        BroadcastResult result = sending.broadcast(account, BroadcastRequest.builder().name("Sale")
                .recipients(numbers.stream().map(Recipient::number).toList()).draft(Draft.ofText("Sale today"))
                .build());

        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        // threads and messages written, the outbox entries not yet
        Sending node = InboxKit.builder().store(pausingBefore("insertOutboxEntries", paused, resume))
                .carrier(carrier).build().sending();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> victim = executor.submit(() -> node.dispatcher().writeBroadcastCopies());
            assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(terminateIdleInTransactionBackends()).isEqualTo(1);
            resume.countDown();
            assertThatThrownBy(() -> victim.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        } finally {
            resume.countDown();
            executor.shutdownNow();
        }

        for (String number : numbers) {
            assertThat(inbox.conversations().findByPhone(account, number)).as("no thread half-written").isEmpty();
        }
        assertThat(inbox.inbox().counters(account)).isEqualTo(InboxCounters.zero());
        assertThat(sending.broadcastProgress(account, result.broadcast().id()).queued()).isEqualTo(3);

        DispatchSummary step = sending.dispatcher().dispatchDue();
        assertThat(step.written()).isEqualTo(3);
        assertThat(step.sent()).isEqualTo(3);
        assertThat(carrier.sentMessages()).extracting(sent -> sent.submission().recipient())
                .containsExactlyInAnyOrderElementsOf(numbers);
        for (String number : numbers) {
            Conversation thread = inbox.conversations().findByPhone(account, number).orElseThrow();
            assertThat(inbox.conversations().messages(account, thread.id(), 10)).hasSize(1);
        }
        assertThat(inbox.inbox().counters(account)).isEqualTo(new InboxCounters(3, 0, 0));
        assertThat(sending.broadcastProgress(account, result.broadcast().id()).isComplete()).isTrue();
    }

    /** The JDBC store, its transactions paused before {@code method} of the transaction or of a port. */
    private InboxStore pausingBefore(String method, CountDownLatch paused, CountDownLatch resume) {
        return new ForwardingInboxStore(store) {
            @Override
            public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
                return store.inTransaction(account, tx -> work.run(
                        pausing(tx, StoreTransaction.class, method, paused, resume)));
            }
        };
    }

    /** A proxy of a transaction or of one of its ports, paused before {@code method}; its ports are proxied too. */
    private static <T> T pausing(T target, Class<T> type, String method, CountDownLatch paused, CountDownLatch resume) {
        InvocationHandler handler = (proxy, invoked, args) -> {
            if (invoked.getName().equals(method)) {
                paused.countDown();
                resume.await(30, TimeUnit.SECONDS);
            }
            Object result;
            try {
                result = invoked.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> returned = invoked.getReturnType();
            if (returned.isInterface() && returned.getPackage().equals(StoreTransaction.class.getPackage())
                    && returned.getSimpleName().endsWith("Rows")) {
                return pausing(result, uncheckedCast(returned), method, paused, resume);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> uncheckedCast(Class<?> type) {
        return (Class<T>) type;
    }

    /** Kills, from another connection, every backend of the test database idle inside a transaction. */
    private int terminateIdleInTransactionBackends() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND state = 'idle in transaction'"
                        + " AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    interface ThreadWork<T> {
        List<T> run(int thread) throws Exception;
    }

    private static <T> List<T> runConcurrently(int threads, ThreadWork<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<T>> task = () -> {
                    start.await();
                    return work.run(thread);
                };
                futures.add(executor.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                results.addAll(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
