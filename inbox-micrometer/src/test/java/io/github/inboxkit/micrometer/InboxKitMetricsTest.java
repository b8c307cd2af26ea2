package io.github.inboxkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.MissingValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.RetryPolicy;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.MutableClock;
import io.github.inboxkit.core.store.QueueDepth;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.Webhooks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The metrics of a real engine (the in-memory store, the simulated carrier) after a scripted
 * sequence: every meter's name, tags and value is asserted, and no meter exists that the sequence
 * did not call for.
 */
class InboxKitMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final AccountId ACME = AccountId.of("acme");
    private static final String LONG_CODE = "+14155550100";
    private static final String ALICE = "+14155550132";
    /** Anything that looks like a phone number: six digits or more, with or without a plus. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d ().-]{5,}");

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimulatedCarrier simulator = SimulatedCarrier.builder().seed(5).clock(clock)
            .submissionLookup(false).build();
    private final InMemoryInboxStore store = InMemoryInboxStore.create();
    private final List<InboxEvent> events = new CopyOnWriteArrayList<>();

    /** The engine, measured as a host wires it. */
    private final class Engine {
        final InboxKitMetrics metrics;
        final InboxKit kit;
        final Dispatcher dispatcher;
        final Webhooks webhooks;

        Engine(boolean tagAccounts, Carrier carrier) {
            metrics = InboxKitMetrics.builder().registry(registry).tagAccounts(tagAccounts).clock(clock).build();
            kit = InboxKit.builder().store(store).clock(clock)
                    .carrier(metrics.carrier(carrier))
                    .eventListener(InboxEventListener.both(metrics.eventListener(), events::add))
                    .sendingOptions(options -> options.retryPolicy(RetryPolicy.builder()
                            .initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(10)).maxAttempts(5)
                            .build()))
                    .build();
            dispatcher = metrics.dispatcher(kit.sending().dispatcher());
            webhooks = metrics.webhooks(kit.webhooks());
            kit.administration().createAccount(ACME, "Acme", AccountSettings.builder()
                    .senderIds(List.of(LONG_CODE)).defaultSenderId(LONG_CODE).build());
        }

        void send(String text) {
            kit.sending().send(ACME, SendRequest.builder().to(Recipient.number(ALICE)).draft(Draft.ofText(text)).build());
        }

        WebhookOutcome inbound(String text) {
            return webhooks.handle(simulator.id(), simulator.inboundWebhook(ALICE, LONG_CODE, text));
        }
    }

    /** Refuses the first submit transiently (rate limited), then hands every submit to the simulator. */
    private static class RateLimitedOnce implements Carrier {
        private final SimulatedCarrier simulator;
        private final AtomicInteger submits = new AtomicInteger();

        RateLimitedOnce(SimulatedCarrier simulator) {
            this.simulator = simulator;
        }

        @Override
        public String id() {
            return simulator.id();
        }

        @Override
        public CarrierCapabilities capabilities() {
            return simulator.capabilities();
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            if (submits.getAndIncrement() == 0) {
                return SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "429", "slow down");
            }
            return simulator.submit(submission);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
            return simulator.parseWebhook(request);
        }
    }

    @Test
    @DisplayName("F47 after inbound, send, transient failure, retry, delivery report, opt-out and purge, every metric has its name, tags and value")
    void scriptedSequence() {
        Engine engine = new Engine(false, new RateLimitedOnce(simulator));
        QueueDepthGauges depth = engine.metrics.bindQueueDepth(store, clock);

        // inbound, and the carrier's repeat of the same webhook
        WebhookRequest hello = simulator.inboundWebhook(ALICE, LONG_CODE, "Hello");
        assertThat(engine.webhooks.handle(simulator.id(), hello)).isInstanceOf(WebhookOutcome.Processed.class);
        assertThat(engine.webhooks.handle(simulator.id(), hello))
                .isEqualTo(new WebhookOutcome.Processed(0, 1, 0, 0, 0, List.of()));
        // a send, queued
        engine.send("Hi Alice");
        assertThat(depth.refresh()).isTrue();
        assertThat(depth.lastReading()).contains(new QueueDepth(1, 0, 0, 0, Duration.ZERO));
        // the first attempt is refused transiently: retried after 10 s
        assertThat(engine.dispatcher.dispatchDue()).isEqualTo(new DispatchSummary(0, 1, 0, 1, 0, 0, 0));
        assertThat(depth.refresh()).isTrue();
        assertThat(depth.lastReading()).contains(new QueueDepth(0, 0, 1, 0, Duration.ZERO));
        clock.advance(Duration.ofSeconds(15));
        assertThat(depth.refresh()).isTrue();
        QueueDepth retryDue = depth.lastReading().orElseThrow();
        assertThat(retryDue).extracting(QueueDepth::due, QueueDepth::scheduled, QueueDepth::retrying, QueueDepth::sending)
                .containsExactly(1L, 0L, 0L, 0L);
        // the back-off is jittered, at most 10 s: the retry has been due for 5 to 15 s
        assertThat(retryDue.oldestDueAge()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        assertThat(registry.get(InboxKitMetrics.OUTBOX_OLDEST_DUE_AGE).timeGauge().value())
                .isEqualTo(retryDue.oldestDueAge().toMillis() / 1000.0);
        assertThat(registry.get(InboxKitMetrics.OUTBOX_DEPTH).tag("state", "due").gauge().value()).isEqualTo(1);
        // the retry is accepted; then an idle step
        assertThat(engine.dispatcher.dispatchDue()).isEqualTo(new DispatchSummary(0, 1, 1, 0, 0, 0, 0));
        assertThat(engine.dispatcher.dispatchDue().isIdle()).isTrue();
        // the delivery report, and its repeat
        WebhookRequest report = simulator.drainDeliveryReportWebhook().orElseThrow();
        assertThat(simulator.parseWebhook(report).deliveryReports()).extracting(DeliveryReport::status)
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        // SENT changes nothing (the message is SENT already), DELIVERED applies; the repeat changes nothing
        assertThat(engine.webhooks.handle(simulator.id(), report))
                .isEqualTo(new WebhookOutcome.Processed(0, 0, 1, 1, 0, List.of()));
        assertThat(engine.webhooks.handle(simulator.id(), report))
                .isEqualTo(new WebhookOutcome.Processed(0, 0, 0, 2, 0, List.of()));
        // the contact opts out by keyword
        engine.inbound("STOP");
        // a refused request: the signature is missing
        assertThat(engine.webhooks.handle(simulator.id(), new WebhookRequest("POST",
                java.util.Map.of("Content-Type", List.of(SimulatedCarrier.CONTENT_TYPE)), new byte[0])))
                .isInstanceOf(WebhookOutcome.Refused.class);
        assertThat(depth.refresh()).isTrue();
        // the retention purge, 91 days later
        clock.advance(Duration.ofDays(91));
        PurgeSummary purged = engine.kit.retention().purgeExpired();
        assertThat(purged.messages()).isEqualTo(3);
        engine.metrics.recordPurge(purged);

        assertThat(meters()).containsExactlyInAnyOrder(
                "inboxkit.carrier.sends{carrier=simulator,outcome=transient,reason=rate_limited,sender.kind=long_code} 1.0",
                "inboxkit.carrier.sends{carrier=simulator,outcome=accepted,reason=none,sender.kind=long_code} 1.0",
                "inboxkit.carrier.submit{carrier=simulator,outcome=transient,sender.kind=long_code} count=1",
                "inboxkit.carrier.submit{carrier=simulator,outcome=accepted,sender.kind=long_code} count=1",
                "inboxkit.delivery.reports{carrier=simulator,status=sent} 2.0",
                "inboxkit.delivery.reports{carrier=simulator,status=delivered} 2.0",
                "inboxkit.messages.received{} 2.0",
                // the STOP's opt-out confirmation (F42) is an outbound message of its own, still due
                "inboxkit.messages.outbound{} 2.0",
                "inboxkit.messages.held{} 0.0",
                "inboxkit.messages.released{} 0.0",
                "inboxkit.messages.status{status=queued} 3.0",
                "inboxkit.messages.status{status=sending} 2.0",
                "inboxkit.messages.status{status=sent} 1.0",
                "inboxkit.messages.status{status=delivered} 1.0",
                "inboxkit.subscriptions{action=opt_out,source=keyword} 1.0",
                "inboxkit.webhook.requests{outcome=processed,reason=none} 5.0",
                "inboxkit.webhook.requests{outcome=refused,reason=signature_missing} 1.0",
                "inboxkit.webhook.duplicates{kind=inbound_message} 1.0",
                "inboxkit.webhook.duplicates{kind=delivery_report} 3.0",
                "inboxkit.dispatcher.steps{outcome=busy} count=2",
                "inboxkit.dispatcher.steps{outcome=idle} count=1",
                "inboxkit.dispatcher.steps{outcome=failed} count=0",
                "inboxkit.dispatcher.messages{result=claimed} 2.0",
                "inboxkit.dispatcher.messages{result=retried} 1.0",
                "inboxkit.dispatcher.messages{result=sent} 1.0",
                "inboxkit.dispatcher.last.success.age{} 7862400.0",
                "inboxkit.dispatcher.lanes.alive{} 0.0",
                "inboxkit.dispatcher.lanes.configured{} 0.0",
                "inboxkit.dispatcher.failed.steps{} 0.0",
                "inboxkit.outbox.depth{state=due} 1.0",
                "inboxkit.outbox.depth{state=scheduled} 0.0",
                "inboxkit.outbox.depth{state=retrying} 0.0",
                "inboxkit.outbox.depth{state=sending} 0.0",
                "inboxkit.outbox.oldest.due.age{} 0.0",
                "inboxkit.outbox.statistics.failures{} 0.0",
                "inboxkit.retention.purged{kind=messages} 3.0",
                "inboxkit.retention.purged{kind=conversations} " + (double) purged.conversations(),
                "inboxkit.retention.purged{kind=assignment_changes} " + (double) purged.assignmentChanges(),
                "inboxkit.retention.purged{kind=opt_out_records} " + (double) purged.optOutRecords(),
                "inboxkit.retention.purged{kind=unmatched_reports} " + (double) purged.unmatchedReports(),
                "inboxkit.retention.purged{kind=idempotency_keys} " + (double) purged.idempotencyKeys(),
                "inboxkit.retention.purges{} 1.0");
        assertNoPersonalData();
    }

    @Test
    @DisplayName("F47 with account tags on, the event counters carry the account and nothing else changes")
    void accountTags() {
        Engine engine = new Engine(true, simulator);

        engine.inbound("Hello");
        engine.send("Hi");
        engine.inbound("STOP");
        engine.kit.administration().addUser(ACME, io.github.inboxkit.core.account.UserId.of("agent"), "Agent");
        engine.kit.contacts().resubscribe(ACME, new io.github.inboxkit.core.phone.PhoneNumber(ALICE),
                io.github.inboxkit.core.account.UserId.of("agent"));

        assertThat(meters()).filteredOn(meter -> meter.startsWith("inboxkit.messages")
                || meter.startsWith("inboxkit.subscriptions")).containsExactlyInAnyOrder(
                "inboxkit.messages.received{account=acme} 2.0",
                // with the opt-out and the opt-in confirmations (F42)
                "inboxkit.messages.outbound{account=acme} 3.0",
                "inboxkit.messages.status{account=acme,status=queued} 3.0",
                "inboxkit.subscriptions{account=acme,action=opt_out,source=keyword} 1.0",
                "inboxkit.subscriptions{account=acme,action=opt_in,source=user} 1.0");
        assertThat(registry.find(InboxKitMetrics.CARRIER_SENDS).meters()).isEmpty();
        assertNoPersonalData();
    }

    @Test
    @DisplayName("F47 a submit that throws counts as a transient unexpected error and is rethrown; a lookup is counted by result and kept")
    void carrierFailuresAndLookups() {
        InboxKitMetrics metrics = InboxKitMetrics.builder().registry(registry).build();
        SimulatedCarrier withLookup = SimulatedCarrier.builder().seed(9).clock(clock).build();
        Carrier throwing = new RateLimitedOnce(withLookup) {
            @Override
            public SubmitResult submit(OutboundSubmission submission) {
                throw new IllegalStateException("carrier bug");
            }
        };
        OutboundSubmission submission = OutboundSubmission.sms("key-1", io.github.inboxkit.carrier.Sender.alphanumeric("ACME"),
                ALICE, "hello", 1, io.github.inboxkit.carrier.TextEncoding.GSM_7);

        assertThatThrownBy(() -> metrics.carrier(throwing).submit(submission)).hasMessage("carrier bug");
        assertThat(metrics.carrier(throwing).submissionLookup()).as("the wrapped carrier has none").isEmpty();
        Carrier measured = metrics.carrier(withLookup);
        assertThat(measured.id()).isEqualTo(withLookup.id());
        assertThat(measured.capabilities()).isEqualTo(withLookup.capabilities());
        SubmissionLookup lookup = measured.submissionLookup().orElseThrow();
        assertThat(lookup.findSubmission("key-1")).isEmpty();
        assertThat(measured.submit(submission)).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(lookup.findSubmission("key-1")).containsInstanceOf(SubmitResult.Accepted.class);

        assertThat(meters()).filteredOn(meter -> meter.startsWith("inboxkit.carrier")).containsExactlyInAnyOrder(
                "inboxkit.carrier.sends{carrier=simulator,outcome=transient,reason=unexpected_error,sender.kind=alphanumeric} 1.0",
                "inboxkit.carrier.sends{carrier=simulator,outcome=accepted,reason=none,sender.kind=alphanumeric} 1.0",
                "inboxkit.carrier.submit{carrier=simulator,outcome=transient,sender.kind=alphanumeric} count=1",
                "inboxkit.carrier.submit{carrier=simulator,outcome=accepted,sender.kind=alphanumeric} count=1",
                "inboxkit.carrier.lookups{carrier=simulator,result=not_found} 1.0",
                "inboxkit.carrier.lookups{carrier=simulator,result=accepted} 1.0");
    }

    @Test
    @DisplayName("F47 a failed step is timed as failed, noted in the activity and rethrown")
    void failedStep() {
        InboxKitMetrics metrics = InboxKitMetrics.builder().registry(registry).clock(clock).build();
        Dispatcher failing = new Dispatcher() {
            @Override
            public DispatchSummary dispatchDue() {
                throw new IllegalStateException("database down");
            }

            @Override
            public int writeBroadcastCopies() {
                return 2;
            }

            @Override
            public int batchSize() {
                return 7;
            }
        };
        Dispatcher measured = metrics.dispatcher(failing);

        assertThatThrownBy(measured::dispatchDue).hasMessage("database down");
        assertThat(measured.writeBroadcastCopies()).isEqualTo(2);
        assertThat(measured.batchSize()).isEqualTo(7);
        clock.advance(Duration.ofSeconds(3));

        assertThat(registry.get(InboxKitMetrics.DISPATCHER_STEPS).tag("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get(InboxKitMetrics.DISPATCHER_MESSAGES).tag("result", "written").counter().count())
                .isEqualTo(2);
        assertThat(metrics.dispatchActivity().lastFailedStep()).contains(T0);
        assertThat(metrics.dispatchActivity().lastSuccessfulStep()).isEmpty();
        assertThat(registry.get(InboxKitMetrics.DISPATCHER_LAST_SUCCESS_AGE).timeGauge().value()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("F47 the queue depth gauges refresh when read and stale, keep their last reading when the store fails, and count the failure")
    void queueDepthGauges() {
        AtomicInteger reads = new AtomicInteger();
        List<RuntimeException> failures = new ArrayList<>();
        InboxStore statistics = new CountingStore(store, reads, failures);
        InboxKitMetrics metrics = InboxKitMetrics.builder().registry(registry)
                .queueDepthMaxAge(Duration.ofDays(365)).build();
        QueueDepthGauges gauges = metrics.bindQueueDepth(statistics, clock);

        assertThat(registry.get(InboxKitMetrics.OUTBOX_DEPTH).tag("state", "due").gauge().value()).isZero();
        assertThat(registry.get(InboxKitMetrics.OUTBOX_DEPTH).tag("state", "scheduled").gauge().value()).isZero();
        assertThat(reads).as("read once, then served from the reading").hasValue(1);
        failures.add(new IllegalStateException("connection refused"));
        assertThat(gauges.refresh()).isFalse();
        assertThat(gauges.lastReading()).contains(QueueDepth.EMPTY);
        assertThat(gauges.lastReadAt()).contains(T0);
        assertThat(registry.get(InboxKitMetrics.OUTBOX_STATISTICS_FAILURES).counter().count()).isEqualTo(1);
        assertThatThrownBy(() -> metrics.bindQueueDepth(store, clock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InboxKitMetrics.builder().registry(new SimpleMeterRegistry()).build()
                .bindQueueDepth(new TransactionsOnlyStore() {
                    @Override
                    public <T> T inTransaction(AccountId account, io.github.inboxkit.core.store.TransactionWork<T> work) {
                        return null;
                    }
                }, clock))
                .isInstanceOfSatisfying(UnsupportedStoreException.class,
                        refused -> assertThat(refused.storeType()).contains("InboxKitMetricsTest"));
    }

    @Test
    @DisplayName("F47 the gauges keep reading after the host drops the metrics and the gauges' handle")
    void gaugesOutliveTheirHandles() throws InterruptedException {
        bindAndForget();

        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(registry.get(InboxKitMetrics.OUTBOX_DEPTH).tag("state", "due").gauge().value()).isZero();
        assertThat(registry.get(InboxKitMetrics.OUTBOX_OLDEST_DUE_AGE).timeGauge().value()).isZero();
        assertThat(registry.get(InboxKitMetrics.DISPATCHER_LANES_CONFIGURED).gauge().value()).isZero();
        assertThat(registry.get(InboxKitMetrics.DISPATCHER_LAST_SUCCESS_AGE).timeGauge().value()).isZero();
    }

    private void bindAndForget() {
        InboxKitMetrics.builder().registry(registry).clock(clock).build().bindQueueDepth(store, clock);
    }

    @Test
    @DisplayName("F47 builder refuses a missing registry and bad settings, naming them")
    void builderRefusals() {
        assertThatThrownBy(() -> InboxKitMetrics.builder().build()).isInstanceOf(MissingValueException.class)
                .hasMessageContaining("registry");
        assertThatThrownBy(() -> InboxKitMetrics.builder().submitLatencyPercentiles(1.5))
                .hasMessageContaining("submitLatencyPercentiles");
        assertThatThrownBy(() -> InboxKitMetrics.builder().queueDepthMaxAge(Duration.ZERO))
                .hasMessageContaining("queueDepthMaxAge");
    }

    @Test
    @DisplayName("F47 percentiles of the submit latency are off by default and published when asked for")
    void percentiles() {
        Carrier off = InboxKitMetrics.builder().registry(registry).build().carrier(simulator);
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        Carrier on = InboxKitMetrics.builder().registry(other).submitLatencyPercentiles(0.5, 0.99).build()
                .carrier(simulator);
        OutboundSubmission submission = OutboundSubmission.sms("key-2", io.github.inboxkit.carrier.Sender.longCode(LONG_CODE),
                ALICE, "hello", 1, io.github.inboxkit.carrier.TextEncoding.GSM_7);

        off.submit(submission);
        on.submit(submission);

        assertThat(registry.get(InboxKitMetrics.CARRIER_SUBMIT).timer().takeSnapshot().percentileValues()).isEmpty();
        assertThat(other.get(InboxKitMetrics.CARRIER_SUBMIT).timer().takeSnapshot().percentileValues()).hasSize(2);
    }

    /** Every meter as {@code name{tags} value}; a timer's value is its count. */
    private List<String> meters() {
        return registry.getMeters().stream().map(InboxKitMetricsTest::render).collect(Collectors.toList());
    }

    private static String render(Meter meter) {
        String tags = meter.getId().getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        String value;
        if (meter instanceof Timer timer) {
            value = "count=" + timer.count();
        } else if (meter instanceof FunctionCounter counter) {
            value = String.valueOf(counter.count());
        } else {
            value = String.valueOf(meter.measure().iterator().next().getValue());
        }
        return meter.getId().getName() + tags + " " + value;
    }

    private void assertNoPersonalData() {
        TreeSet<String> values = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().stream().map(Tag::getValue).forEach(values::add);
        }
        assertThat(values).isNotEmpty().noneMatch(value -> PHONE_LIKE.matcher(value).find())
                .noneMatch(value -> value.contains("Hello") || value.contains("Hi"));
    }

    /** Hands reads to a store, counting them, and fails a read with the next queued failure. */
    private record CountingStore(InMemoryInboxStore store, AtomicInteger reads, List<RuntimeException> failures)
            implements TransactionsOnlyStore, io.github.inboxkit.core.store.OutboxStatistics {
        @Override
        public <T> T inTransaction(AccountId account, io.github.inboxkit.core.store.TransactionWork<T> work) {
            return store.inTransaction(account, work);
        }

        @Override
        public QueueDepth outboxDepth(Instant now) {
            reads.incrementAndGet();
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            return store.outboxDepth(now);
        }
    }
}
