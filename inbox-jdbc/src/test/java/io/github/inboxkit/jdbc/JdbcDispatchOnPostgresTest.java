package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.BroadcastProgress;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.DeliveryReportOutcome;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.store.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two pools, two stores, two sending engines) dispatching from one PostgreSQL database
 * to one simulated carrier: claims with FOR UPDATE SKIP LOCKED and a lease must give every message
 * to exactly one of them.
 */
class JdbcDispatchOnPostgresTest {

    private static final String LONG_CODE = "+14155550100";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final SimulatedCarrier carrier = SimulatedCarrier.builder().seed(3).clock(clock)
            .capabilities(CarrierCapabilities.builder().mms(410 * 1024).alphanumericSenders(true).maxSegments(10)
                    .messagesPerSecond(1_000_000).submitTimeout(Duration.ofSeconds(2)).build())
            .build();
    private HikariDataSource firstPool;
    private HikariDataSource secondPool;
    private JdbcInboxStore firstStore;
    private JdbcInboxStore secondStore;
    private AccountId account;

    @BeforeEach
    void twoNodes() {
        firstPool = TestDatabases.freshPostgres(6);
        secondPool = TestDatabases.pool(firstPool.getJdbcUrl(), "postgres", 6);
        firstStore = JdbcInboxStore.create(firstPool);
        secondStore = JdbcInboxStore.create(secondPool);
        firstStore.migrate();
        account = AccountId.of("acct-" + UUID.randomUUID());
        kit(firstStore).administration().createAccount(account, "Dispatch", AccountSettings.builder()
                .senderIds(List.of(LONG_CODE)).defaultSenderId(LONG_CODE).build());
    }

    @AfterEach
    void close() {
        secondPool.close();
        firstPool.close();
    }

    private InboxKit kit(JdbcInboxStore store) {
        return InboxKit.builder().store(store).clock(clock).build();
    }

    private Sending sending(JdbcInboxStore store, Carrier carrier) {
        return InboxKit.builder().store(store).carrier(carrier).clock(clock)
                .sendingOptions(sending -> sending.lease(Duration.ofSeconds(30)).dispatchBatchSize(10).broadcastBatchSize(10))
                .build().sending();
    }

    private static String number(int i) {
        return "+1415555" + String.format("%04d", 1000 + i);
    }

    private BroadcastResult broadcast(Sending sending, int recipients) {
        List<Recipient> to = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            to.add(Recipient.number(number(i)));
        }
        return sending.broadcast(account, BroadcastRequest.builder().name("Black Friday").recipients(to)
                .draft(Draft.ofText("20% off today")).build());
    }

    @Test
    @DisplayName("F19 F31 two nodes writing a broadcast's copies and dispatching them write and send each exactly once, none left behind")
    void twoNodesSendEachMessageOnce() throws Exception {
        Sending first = sending(firstStore, carrier);
        Sending second = sending(secondStore, carrier);
        BroadcastResult result = broadcast(first, 120);
        assertThat(result.queued()).isEqualTo(120);

        List<DispatchSummary> summaries = runUntilIdle(first, second);

        assertThat(summaries.stream().mapToInt(DispatchSummary::written).sum()).as("each copy written once")
                .isEqualTo(120);
        assertThat(summaries.stream().mapToInt(DispatchSummary::sent).sum()).isEqualTo(120);
        assertThat(carrier.sentMessages()).hasSize(120);
        assertThat(carrier.sentMessages().stream().map(sent -> sent.submission().idempotencyKey()).distinct())
                .hasSize(120)
                .allSatisfy(key -> assertThat(carrier.attempts(key)).isEqualTo(1));
        BroadcastProgress progress = first.broadcastProgress(account, result.broadcast().id());
        assertThat(progress.sent()).isEqualTo(120);
        assertThat(progress.isComplete()).isTrue();
        assertThat(summaries).allSatisfy(summary -> assertThat(summary.claimed()).isPositive());
    }

    @Test
    @DisplayName("F31 a delivery report that arrives while its acceptance is being recorded waits for the record and is applied, not kept unmatched")
    void reportDuringTheRecordWaitsForIt() throws Exception {
        Sending sending = sending(firstStore, carrier);
        OutboxEntry queued = sending.send(account, SendRequest.builder().to(Recipient.number(number(2)))
                .draft(Draft.ofText("Your table is ready")).build());
        Instant now = clock.instant();
        Instant leaseUntil = now.plusSeconds(30);
        OutboxEntry claimed = firstStore.inTransaction(account, tx -> tx.claimOutboxEntries(now, 10, leaseUntil))
                .get(0).claimed(now, leaseUntil);
        OutboxEntry accepted = OutboxEntry.builder().from(claimed).status(MessageStatus.SENT)
                .carrierMessageId("SM-race").leaseUntil(Optional.empty()).updatedAt(now.plusSeconds(1)).build();
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the dispatcher's record, held open between its write and its commit
            Future<Set<MessageId>> record = threads.submit(() -> firstStore.inTransaction(account, tx -> {
                Set<MessageId> written = tx.updateOutboxStatesIfUnchanged(List.of(claimed), List.of(accepted));
                recording.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return written;
            }));
            assertThat(recording.await(30, TimeUnit.SECONDS)).isTrue();
            Future<DeliveryReportOutcome> report = threads.submit(() -> sending(secondStore, carrier)
                    .applyDeliveryReport(account, carrier.id(), DeliveryReport.of("SM-race", DeliveryStatus.DELIVERED,
                            now.plusSeconds(2))));

            assertThatThrownBy(() -> report.get(500, TimeUnit.MILLISECONDS)).as("the report waits for the record")
                    .isInstanceOf(TimeoutException.class);
            commit.countDown();
            assertThat(record.get(30, TimeUnit.SECONDS)).containsExactly(queued.messageId());
            assertThat(report.get(30, TimeUnit.SECONDS)).isEqualTo(DeliveryReportOutcome.APPLIED);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(sending.outboxEntry(account, queued.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.DELIVERED);
        assertThat(sending.unmatchedReports(account, 10)).isEmpty();
    }

    @Test
    @DisplayName("F31 a dispatcher that dies after claiming is taken over by another node once its lease runs out")
    void deadDispatchersLeaseIsTakenOver() {
        AtomicBoolean crash = new AtomicBoolean(true);
        Sending dying = sending(firstStore, new CrashingCarrier(carrier, crash));
        Sending survivor = sending(secondStore, carrier);
        OutboxEntry queued = dying.send(account, SendRequest.builder().to(Recipient.number(number(1)))
                .draft(Draft.ofText("Your appointment is confirmed")).build());

        assertThatThrownBy(() -> dying.dispatcher().dispatchDue()).isInstanceOf(SimulatedCrash.class);
        assertThat(survivor.outboxEntry(account, queued.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.SENDING);
        assertThat(survivor.dispatcher().dispatchDue().claimed()).isZero(); // the lease still holds

        clock.advance(Duration.ofSeconds(31));
        assertThat(survivor.dispatcher().dispatchDue().sent()).isEqualTo(1);
        assertThat(carrier.sentMessages()).hasSize(1);
        assertThat(survivor.outboxEntry(account, queued.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    @DisplayName("F18 F19 a STOP that commits before a broadcast's messages are claimed means none of them is sent")
    void stopBeforeClaimWinsOverABroadcast() throws Exception {
        Sending first = sending(firstStore, carrier);
        Sending second = sending(secondStore, carrier);
        BroadcastResult result = broadcast(first, 40);
        InboxKit node = kit(secondStore);
        for (int i = 0; i < 40; i += 4) {
            node.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("stop-" + i)
                    .contactNumber(number(i)).accountNumber(LONG_CODE).text(" stop ").build());
        }

        runUntilIdle(first, second);

        assertThat(carrier.sentMessages()).hasSize(30);
        BroadcastProgress progress = first.broadcastProgress(account, result.broadcast().id());
        assertThat(progress.sent()).isEqualTo(30);
        assertThat(progress.failed()).isEqualTo(10);
        Map<MessageStatus, Long> counts = firstStore.inTransaction(account,
                tx -> tx.outbox().countOutboxEntriesByStatus(result.broadcast().id()));
        assertThat(counts).containsEntry(MessageStatus.FAILED, 10L).containsEntry(MessageStatus.SENT, 30L);
        List<OutboxEntry> failed = firstStore.inTransaction(account, tx -> tx.outbox().lockClaimableOutboxEntries(
                clock.instant().plus(Duration.ofDays(1)), 100));
        assertThat(failed).isEmpty();
        for (int i = 0; i < 40; i += 4) {
            String recipient = number(i);
            assertThat(carrier.sentMessages()).noneMatch(sent -> sent.submission().recipient().equals(recipient));
        }
        assertThat(FailureReason.OPTED_OUT.name()).isEqualTo("OPTED_OUT");
    }

    /** Both nodes dispatch on their own thread until neither finds anything to do. */
    private static List<DispatchSummary> runUntilIdle(Sending... nodes) throws Exception {
        CyclicBarrier start = new CyclicBarrier(nodes.length);
        ExecutorService executor = Executors.newFixedThreadPool(nodes.length);
        try {
            List<Future<DispatchSummary>> futures = new ArrayList<>();
            for (Sending node : nodes) {
                Callable<DispatchSummary> task = () -> {
                    start.await();
                    DispatchSummary total = DispatchSummary.NOTHING;
                    int idle = 0;
                    while (idle < 3) {
                        DispatchSummary step = node.dispatcher().dispatchDue();
                        total = total.plus(step);
                        idle = step.isIdle() ? idle + 1 : 0;
                    }
                    return total;
                };
                futures.add(executor.submit(task));
            }
            List<DispatchSummary> summaries = new ArrayList<>();
            for (Future<DispatchSummary> future : futures) {
                summaries.add(future.get(120, TimeUnit.SECONDS));
            }
            return summaries;
        } finally {
            executor.shutdownNow();
        }
    }

    /** A node that dies (an error the JVM does not survive, as a killed process would stop) right after its claim committed. */
    static final class SimulatedCrash extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated node crash after claiming");
        }
    }

    private static final class CrashingCarrier implements Carrier {
        private final Carrier delegate;
        private final AtomicBoolean crash;

        CrashingCarrier(Carrier delegate, AtomicBoolean crash) {
            this.delegate = delegate;
            this.crash = crash;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public CarrierCapabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            if (crash.getAndSet(false)) {
                throw new SimulatedCrash();
            }
            return delegate.submit(submission);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
