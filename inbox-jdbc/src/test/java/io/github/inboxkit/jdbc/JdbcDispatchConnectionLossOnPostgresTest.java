package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.BroadcastProgress;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.sending.SendingOptions;
import io.github.inboxkit.core.store.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dispatching node loses its database connections while it sends, through a carrier that
 * ignores idempotency keys (as most real carriers' APIs do): every submission is a text a person
 * receives. The node's connections carry their own {@code application_name}, and a separate admin
 * connection terminates them with {@code pg_terminate_backend}; a third pool, never killed, watches.
 */
class JdbcDispatchConnectionLossOnPostgresTest {

    /** The two accounts' long codes differ in the last digit: a number belongs to one account (F45). */
    private static final String LONG_CODE_PREFIX = "+1415555010";
    private static final String NODE = "inboxkit-dispatch-node";
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final int BATCH = 20;

    private HikariDataSource setupPool;
    private HikariDataSource nodePool;
    private Connection admin;
    private final List<AccountId> accounts = new ArrayList<>();

    @BeforeEach
    void database() throws SQLException {
        setupPool = TestDatabases.freshPostgres(4);
        nodePool = nodePool(setupPool.getJdbcUrl());
        admin = TestDatabases.postgresServer().getPostgresDatabase().getConnection();
        JdbcInboxStore.create(setupPool).migrate();
        InboxKit kit = InboxKit.builder().store(JdbcInboxStore.create(setupPool)).build();
        for (int i = 0; i < 2; i++) {
            AccountId account = AccountId.of("acct-" + UUID.randomUUID());
            String longCode = LONG_CODE_PREFIX + i;
            kit.administration().createAccount(account, "Kill " + i, AccountSettings.builder()
                    .senderIds(List.of(longCode)).defaultSenderId(longCode).build());
            accounts.add(account);
        }
    }

    @AfterEach
    void close() throws SQLException {
        admin.close();
        nodePool.close();
        setupPool.close();
    }

    /** The dispatching node's pool: its connections are the ones the admin connection terminates. */
    private static HikariDataSource nodePool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + NODE);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(2_000);
        return new HikariDataSource(config);
    }

    /** Terminates every connection of the dispatching node; returns how many. */
    private int killNodeConnections() {
        try (PreparedStatement kill = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM"
                + " pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, NODE);
            try (ResultSet result = kill.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the admin connection failed", e);
        }
    }

    private static String number(int i) {
        return "+1415" + String.format("%07d", 1_000_000 + i);
    }

    private Sending sending(JdbcInboxStore store, Carrier carrier, Clock clock, Consumer<SendingOptions> options) {
        return InboxKit.builder().store(store).carrier(carrier).clock(clock)
                .sendingOptions(sending -> sending.lease(LEASE).dispatchBatchSize(BATCH))
                .sendingOptions(options)
                .build().sending();
    }

    @Test
    @DisplayName("F31 connections killed every 200 ms while 5,000 messages go out through a carrier without idempotency: none lost, at most 1 % sent twice, the runner alive")
    void connectionsKilledWhileSending() throws Exception {
        RecordingCarrier carrier = new RecordingCarrier(Duration.ofMillis(100), null);
        Sending node = sending(JdbcInboxStore.create(nodePool), carrier, Clock.systemUTC(),
                builder -> builder.broadcastBatchSize(250));
        Sending watcher = sending(JdbcInboxStore.create(setupPool), carrier, Clock.systemUTC(), builder -> { });
        int perAccount = 2_500;
        List<BroadcastResult> broadcasts = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            List<Recipient> to = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                to.add(Recipient.number(number(a * perAccount + i)));
            }
            broadcasts.add(watcher.broadcast(accounts.get(a), BroadcastRequest.builder().name("Kill test")
                    .recipients(to).draft(Draft.ofText("Doors open at 9")).build()));
        }

        ScheduledExecutorService host = Executors.newScheduledThreadPool(3);
        AtomicInteger kills = new AtomicInteger();
        AtomicInteger killed = new AtomicInteger();
        long started = System.nanoTime();
        DispatcherRunner runner = DispatcherRunner.start(node.dispatcher(), host, Duration.ofMillis(10), 2);
        AtomicBoolean runnerAlive = new AtomicBoolean(true);
        host.scheduleAtFixedRate(() -> {
            kills.incrementAndGet();
            killed.addAndGet(killNodeConnections());
        }, 200, 200, TimeUnit.MILLISECONDS);
        long sent;
        try {
            // a safety net against a hung dispatcher, not a measurement
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            do {
                Thread.sleep(250);
                runnerAlive.compareAndSet(true, !runner.isStopped());
                sent = 0;
                for (int a = 0; a < accounts.size(); a++) {
                    sent += watcher.broadcastProgress(accounts.get(a), broadcasts.get(a).broadcast().id()).sent();
                }
            } while (sent < accounts.size() * (long) perAccount && System.nanoTime() < deadline);
        } finally {
            runnerAlive.compareAndSet(true, !runner.isStopped());
            runner.stop();
            host.shutdownNow();
            host.awaitTermination(30, TimeUnit.SECONDS);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        int total = accounts.size() * perAccount;
        long twice = carrier.submissions.values().stream().filter(count -> count.get() > 1).count();
        long extra = carrier.submissions.values().stream().mapToLong(count -> count.get() - 1).sum();
        System.out.printf("connection-kill test: %d messages, %d kill rounds (%d connections terminated), %d s;"
                + " %d messages submitted more than once (%d extra submissions); %d failed steps%n", total, kills.get(),
                killed.get(), seconds, twice, extra, runner.failedSteps());
        for (int a = 0; a < accounts.size(); a++) {
            BroadcastProgress progress = watcher.broadcastProgress(accounts.get(a), broadcasts.get(a).broadcast().id());
            assertThat(progress.sent()).as("every message of account " + a + " sent: none lost").isEqualTo(perAccount);
        }
        assertThat(carrier.submissions).as("every message reached the carrier").hasSize(total);
        assertThat(killed.get()).as("connections were in fact terminated").isPositive();
        assertThat(runnerAlive).as("the runner stayed alive throughout").isTrue();
        assertThat(twice).as("messages submitted more than once").isLessThanOrEqualTo(total / 100);
    }

    @Test
    @DisplayName("F31 the node's connections killed right after the carrier accepted a batch: the batch is recorded, not submitted again")
    void connectionKilledAfterAcceptance() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        AtomicInteger accepted = new AtomicInteger();
        // the kill runs inside the carrier's call, which must not time out meanwhile
        RecordingCarrier carrier = new RecordingCarrier(Duration.ofSeconds(2), () -> {
            if (accepted.incrementAndGet() == 10) {
                assertThat(killNodeConnections()).as("the node's connections, killed").isPositive();
            }
        });
        Duration lease = Duration.ofSeconds(30);
        Sending node = sending(JdbcInboxStore.create(nodePool), carrier, clock,
                builder -> builder.dispatchBatchSize(10).lease(lease));
        AccountId account = accounts.get(0);
        List<OutboxEntry> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(node.send(account, SendRequest.builder().to(Recipient.number(number(i)))
                    .draft(Draft.ofText("Your order " + i + " has shipped")).build()));
        }

        try {
            node.dispatcher().dispatchDue();
        } catch (RuntimeException e) {
            // before the fix, the failed record escaped the step; the assertions below tell the outcome
        }
        clock.advance(lease.plusSeconds(1));
        DispatchSummary later;
        do {
            later = node.dispatcher().dispatchDue();
        } while (!later.isIdle());

        assertThat(carrier.submissions).hasSize(10);
        assertThat(carrier.submissions.values()).as("no message submitted twice")
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        for (OutboxEntry entry : queued) {
            assertThat(node.outboxEntry(account, entry.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        }
    }

    /**
     * Accepts everything and ignores the idempotency key, as a carrier API without one does: each
     * call is a new text. Counts the calls per key.
     */
    static final class RecordingCarrier implements Carrier {
        final Map<String, AtomicInteger> submissions = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();
        private final CarrierCapabilities capabilities;
        private final Runnable afterAccept;

        RecordingCarrier(Duration submitTimeout, Runnable afterAccept) {
            this.capabilities = CarrierCapabilities.builder().noMms().alphanumericSenders(true)
                    .messagesPerSecond(1_000_000).submitTimeout(submitTimeout).build();
            this.afterAccept = afterAccept;
        }

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public CarrierCapabilities capabilities() {
            return capabilities;
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            submissions.computeIfAbsent(submission.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
            SubmitResult result = SubmitResult.accepted("REC-" + ids.incrementAndGet(), 1);
            if (afterAccept != null) {
                afterAccept.run();
            }
            return result;
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            throw new UnsupportedOperationException("the recording carrier receives no webhooks");
        }
    }
}
