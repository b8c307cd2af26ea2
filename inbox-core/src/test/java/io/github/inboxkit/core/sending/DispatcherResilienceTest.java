package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static io.github.inboxkit.core.sending.SendingFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher when its edges fail: the store between the carrier call and the record, a
 * carrier that hangs, and a lease running out during a step (in-memory store; the same on
 * PostgreSQL in inbox-jdbc's connection-loss test).
 */
class DispatcherResilienceTest {

    private static final String CAROL = "+14155550134";

    /** Released at the end of each test, so that no hung carrier call outlives it. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHungCalls() {
        release.countDown();
    }

    private static CarrierCapabilities timeout(Duration submitTimeout) {
        return CarrierCapabilities.builder().mms(410 * 1024).alphanumericSenders(true).maxSegments(10)
                .messagesPerSecond(1000).submitTimeout(submitTimeout).build();
    }

    /** A fixture whose engine writes through a {@link FlakyStore}, handed to {@code flaky}. */
    private static SendingFixture flaky(AtomicReference<FlakyStore> flaky, UnaryOperator<SendingFixture.Options> options,
            SimulatedCarrier.Builder carrier, Function<SimulatedCarrier, Carrier> wrap) {
        return new SendingFixture(options, carrier, wrap, memory -> {
            FlakyStore store = new FlakyStore(memory);
            flaky.set(store);
            return store;
        });
    }

    /** Wraps the simulator; each submit first runs {@code before}, which may throw, block or move the clock. */
    static Function<SimulatedCarrier, Carrier> beforeSubmit(Consumer<OutboundSubmission> before) {
        return simulator -> new DispatcherTest.FaultyCarrier(simulator) {
            @Override
            public SubmitResult submit(OutboundSubmission submission) {
                before.accept(submission);
                return delegate.submit(submission);
            }
        };
    }

    /** Throws the error from the first submit only. */
    static Consumer<OutboundSubmission> throwingOnce(Error error) {
        AtomicBoolean thrown = new AtomicBoolean();
        return submission -> {
            if (!thrown.getAndSet(true)) {
                throw error;
            }
        };
    }

    /** Wraps the simulator, offering its submission lookup if it does; after each acceptance, runs {@code afterAccept}. */
    private static Function<SimulatedCarrier, Carrier> afterAccept(Runnable afterAccept) {
        return simulator -> new DispatcherTest.FaultyCarrier(simulator) {
            @Override
            public SubmitResult submit(OutboundSubmission submission) {
                SubmitResult result = delegate.submit(submission);
                if (result instanceof SubmitResult.Accepted) {
                    afterAccept.run();
                }
                return result;
            }

            @Override
            public Optional<SubmissionLookup> submissionLookup() {
                return delegate.submissionLookup();
            }
        };
    }

    @Test
    @DisplayName("F31 a record that fails is tried again in a new transaction: what the carrier accepted is not submitted again")
    void failedRecordIsRetried() {
        AtomicReference<FlakyStore> store = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        SendingFixture fixture = flaky(store, b -> b, SimulatedCarrier.builder().seed(1).submissionLookup(false),
                afterAccept(() -> {
                    if (armed.getAndSet(false)) {
                        store.get().failNext(3);
                    }
                }));
        List<OutboxEntry> queued = List.of(fixture.send(ALICE, "One"), fixture.send(BOB, "Two"),
                fixture.send(CAROL, "Three"));

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(store.get().failures).hasValue(3);
        assertThat(summary.sent()).isEqualTo(3);
        assertThat(summary.unrecorded()).isZero();
        for (OutboxEntry entry : queued) {
            assertThat(fixture.entry(entry.messageId()).status()).isEqualTo(MessageStatus.SENT);
            assertThat(fixture.carrier.attempts(entry.messageId().toString())).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("F31 a record whose commit lost its acknowledgement is tried again and changes nothing more")
    void lostAcknowledgementIsHarmless() {
        AtomicReference<FlakyStore> store = new AtomicReference<>();
        SendingFixture fixture = flaky(store, b -> b, SimulatedCarrier.builder().seed(1).submissionLookup(false),
                afterAccept(() -> store.get().loseNextAcknowledgements(1)));
        OutboxEntry queued = fixture.send(ALICE, "One");

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(store.get().failures).hasValue(1);
        assertThat(summary.unrecorded()).isZero();
        OutboxEntry entry = fixture.entry(queued.messageId());
        assertThat(entry.status()).isEqualTo(MessageStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(fixture.carrier.attempts(queued.messageId().toString())).isEqualTo(1);
    }

    @Test
    @DisplayName("F31 F33 one account's failing record does not delay another account's messages: they are sent and recorded first")
    void oneAccountsRecordDoesNotDelayAnother() {
        AtomicReference<FlakyStore> store = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        SendingFixture fixture = flaky(store, b -> b, SimulatedCarrier.builder().seed(1),
                afterAccept(() -> {
                    if (armed.getAndSet(false)) {
                        store.get().failNext(1); // the first account's record, which follows its only call
                    }
                }));
        OutboxEntry first = fixture.send(ALICE, "One");
        OutboxEntry other = fixture.sending.send(OTHER, SendRequest.builder().to(Recipient.number(BOB))
                .draft(Draft.ofText("Two")).build());

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.sent()).isEqualTo(2);
        List<Object> sentInOrder = fixture.events.stream()
                .filter(InboxEvent.MessageStatusChanged.class::isInstance)
                .map(InboxEvent.MessageStatusChanged.class::cast)
                .filter(changed -> changed.status() == MessageStatus.SENT)
                .map(changed -> (Object) changed.message())
                .toList();
        assertThat(sentInOrder).as("the other account's message was recorded before the failed record was retried")
                .containsExactly(other.messageId(), first.messageId());
    }

    @Test
    @DisplayName("F31 a record that keeps failing is given up as the lease ends; claimed again, the message is found by the carrier's submission lookup, not submitted again")
    void givenUpRecordIsFoundByLookup() {
        AtomicReference<FlakyStore> store = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        SendingFixture fixture = flaky(store, b -> b.lease(Duration.ofSeconds(1)).dispatchBatchSize(1),
                SimulatedCarrier.builder().seed(1).capabilities(timeout(Duration.ofMillis(300))),
                afterAccept(() -> {
                    if (armed.getAndSet(false)) {
                        store.get().downFor(ACCOUNT);
                    }
                }));
        OutboxEntry queued = fixture.send(ALICE, "One");
        String key = queued.messageId().toString();

        DispatchSummary first = fixture.sending.dispatcher().dispatchDue();

        assertThat(first.unrecorded()).isEqualTo(1);
        assertThat(store.get().failures.get()).as("tried again while the lease lasted").isGreaterThan(1);
        store.get().heal();
        assertThat(fixture.entry(queued.messageId()).status()).isEqualTo(MessageStatus.SENDING);
        fixture.clock.advance(Duration.ofSeconds(2));

        DispatchSummary second = fixture.sending.dispatcher().dispatchDue();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(fixture.entry(queued.messageId()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixture.carrier.lookups(key)).isEqualTo(1);
        assertThat(fixture.carrier.attempts(key)).as("found, not submitted again").isEqualTo(1);
    }

    @Test
    @DisplayName("F31 without a submission lookup, a message whose record was given up is submitted again once its lease ends")
    void givenUpRecordWithoutLookupIsSubmittedAgain() {
        AtomicReference<FlakyStore> store = new AtomicReference<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        SendingFixture fixture = flaky(store, b -> b.lease(Duration.ofSeconds(1)).dispatchBatchSize(1),
                SimulatedCarrier.builder().seed(1).capabilities(timeout(Duration.ofMillis(300))).submissionLookup(false),
                afterAccept(() -> {
                    if (armed.getAndSet(false)) {
                        store.get().downFor(ACCOUNT);
                    }
                }));
        OutboxEntry queued = fixture.send(ALICE, "One");

        assertThat(fixture.sending.dispatcher().dispatchDue().unrecorded()).isEqualTo(1);
        store.get().heal();
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.sending.dispatcher().dispatchDue();

        assertThat(fixture.entry(queued.messageId()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixture.carrier.attempts(queued.messageId().toString()))
                .as("submitted again: only the carrier's own deduplication keeps this one text").isEqualTo(2);
        assertThat(fixture.carrier.sentMessages()).hasSize(1);
    }

    @Test
    @DisplayName("F31 a step starts no carrier call that could outlive its lease: the rest go back, unattempted, for the next step")
    void noCallOutlivesTheLease() {
        AtomicReference<SendingFixture> self = new AtomicReference<>();
        // each call takes 4.5 s of the engine's clock: with a 10 s lease, a 1 s timeout and a tenth
        // kept to record, two calls fit
        SendingFixture fixture = new SendingFixture(b -> b.lease(Duration.ofSeconds(10)).dispatchBatchSize(5),
                SimulatedCarrier.builder().seed(1).capabilities(timeout(Duration.ofSeconds(1))),
                beforeSubmit(submission -> self.get().clock.advance(Duration.ofMillis(4_500))));
        self.set(fixture);
        List<OutboxEntry> queued = List.of(fixture.send(ALICE, "1"), fixture.send(BOB, "2"), fixture.send(CAROL, "3"),
                fixture.send("+14155550135", "4"), fixture.send("+14155550136", "5"));

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.claimed()).isEqualTo(5);
        assertThat(summary.sent()).isEqualTo(2);
        assertThat(summary.deferred()).isEqualTo(3);
        List<OutboxEntry> back = queued.stream().map(entry -> fixture.entry(entry.messageId()))
                .filter(entry -> entry.status() == MessageStatus.QUEUED).toList();
        assertThat(back).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.attempts()).as("no call was made: not an attempt").isZero();
            assertThat(fixture.carrier.attempts(entry.messageId().toString())).isZero();
        });
        assertThat(fixture.sending.dispatcher().dispatchDue().sent()).as("due again at once").isEqualTo(2);
    }

    @Test
    @DisplayName("F31 a carrier call that hangs past the carrier's submitTimeout is given up: the step sends the others, the hung one is retried later")
    void hungCallIsGivenUp() {
        AtomicReference<String> hangFor = new AtomicReference<>(ALICE);
        SendingFixture fixture = new SendingFixture(b -> b,
                SimulatedCarrier.builder().seed(1).capabilities(timeout(Duration.ofMillis(200))),
                beforeSubmit(submission -> {
                    if (submission.recipient().equals(hangFor.get())) {
                        awaitRelease();
                    }
                }));
        OutboxEntry hung = fixture.send(ALICE, "One");
        OutboxEntry second = fixture.send(BOB, "Two");

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.sent()).isEqualTo(1);
        assertThat(summary.retried()).isEqualTo(1);
        assertThat(summary.carrierErrors()).isEqualTo(1);
        assertThat(fixture.entry(second.messageId()).status()).isEqualTo(MessageStatus.SENT);
        OutboxEntry retried = fixture.entry(hung.messageId());
        assertThat(retried.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(retried.attempts()).isEqualTo(1);

        hangFor.set(null);
        fixture.clock.advance(Duration.ofSeconds(31));
        assertThat(fixture.sending.dispatcher().dispatchDue().sent()).isEqualTo(1);
        assertThat(fixture.entry(hung.messageId()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    @DisplayName("F31 with the host's executor, a call still queued when its timeout passes never starts")
    void queuedCallGivenUpNeverStarts() throws InterruptedException {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        AtomicReference<String> hungKey = new AtomicReference<>();
        try {
            SendingFixture fixture = new SendingFixture(b -> b.carrierCallExecutor(oneThread),
                    SimulatedCarrier.builder().seed(1).capabilities(timeout(Duration.ofMillis(200))),
                    beforeSubmit(submission -> {
                        if (hungKey.compareAndSet(null, submission.idempotencyKey())) {
                            awaitReleaseDeaf(); // holds the executor's only thread, interrupted or not
                        }
                    }));
            List<OutboxEntry> queued = List.of(fixture.send(ALICE, "One"), fixture.send(BOB, "Two"));

            DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();
            release.countDown();
            oneThread.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(summary.carrierErrors()).isEqualTo(2);
            assertThat(summary.retried()).isEqualTo(2);
            for (OutboxEntry entry : queued) {
                String key = entry.messageId().toString();
                assertThat(fixture.carrier.attempts(key)).as(key.equals(hungKey.get()) ? "the hung call, answered late"
                        : "given up before it started").isEqualTo(key.equals(hungKey.get()) ? 1 : 0);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    @DisplayName("F31 an Error thrown by a carrier is logged, counted and retried like a transient failure; the step goes on")
    void carrierErrorIsTransient() {
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1),
                beforeSubmit(throwingOnce(new NoClassDefFoundError("com/vendor/sms/Client"))));
        OutboxEntry first = fixture.send(ALICE, "One");
        fixture.send(BOB, "Two");

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.carrierErrors()).isEqualTo(1);
        assertThat(summary.retried()).isEqualTo(1);
        assertThat(summary.sent()).isEqualTo(1);
        fixture.clock.advance(Duration.ofSeconds(31));
        assertThat(fixture.sending.dispatcher().dispatchDue().sent()).isEqualTo(1);
        assertThat(fixture.entry(first.messageId()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    @DisplayName("F31 the builder refuses a lease that cannot hold one batch at the carrier's timeout, and says which setting to change")
    void builderRefusesALeaseThatCannotHold() {
        // the combination that submitted 20 of 40 messages twice: lease 2 s, batch 20, 300 ms per call
        SimulatedCarrier carrier = SimulatedCarrier.builder().capabilities(timeout(Duration.ofMillis(300))).build();
        SendingFixture fixture = new SendingFixture();
        assertThatThrownBy(() -> InboxKit.builder().store(fixture.store).carrier(carrier)
                .sendingOptions(sending -> sending.lease(Duration.ofSeconds(2)).dispatchBatchSize(20)).build().sending())
                .isInstanceOfSatisfying(InvalidValueException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("lease");
                    assertThat(refused.getMessage()).contains("dispatchBatchSize (20)", "submitTimeout (PT0.3S)",
                            "'simulator'", "raise lease to at least PT6.667S", "lower dispatchBatchSize to at most 6");
                });
        assertThatThrownBy(() -> InboxKit.builder().store(fixture.store).carrier(carrier)
                .sendingOptions(sending -> sending.lease(Duration.ofSeconds(2)).dispatchBatchSize(20)).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("lease");

        assertThat(InboxKit.builder().store(fixture.store).carrier(carrier)
                .sendingOptions(sending -> sending.lease(Duration.ofSeconds(2)).dispatchBatchSize(6)).build().sending())
                .as("the largest batch the message names holds").isNotNull();
        assertThat(InboxKit.builder().store(fixture.store).carrier(carrier)
                .sendingOptions(sending -> sending.lease(Duration.ofMillis(6_667)).dispatchBatchSize(20)).build().sending())
                .as("the shortest lease the message names holds").isNotNull();
        assertThat(InboxKit.builder().store(fixture.store).carrier(SimulatedCarrier.create())
                .sendingOptions(sending -> sending.dispatchBatchSize(10_000)).build().sending())
                .as("without a lease set, the default grows to hold the batch").isNotNull();
    }

    /** Blocks a carrier call until the test ends, deaf to interrupts, as a call stuck in a socket read is. */
    private void awaitReleaseDeaf() {
        boolean interrupted = false;
        while (release.getCount() > 0) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks a carrier call until the test ends. */
    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the engine gave the call up
        }
    }
}
