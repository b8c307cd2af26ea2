package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoggingTest {

    @RegisterExtension
    final CapturedLogs captured = new CapturedLogs();

    @Test
    @DisplayName("F12 a failing listener is logged at WARN with event type and account only; nothing is undone")
    void failingListenerIsLoggedWithoutPersonalData() {
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create())
                .eventListener(event -> {
                    throw new IllegalStateException("listener saw +33612345678 saying 'my secret'");
                })
                .build();
        AccountId account = AccountId.of("acct-log");
        kit.administration().createAccount(account, "Log test", AccountSettings.builder().defaultRegion("FR").build());

        ReceivedMessage received = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("log-1").contactNumber("+33612345678").accountNumber("36111")
                .text("my secret").build());

        assertThat(received.conversation().unreadCount()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).badge()).isEqualTo(1);
        assertThat(captured.list()).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("MessageReceived", "acct-log")
                        .doesNotContain("612345678", "secret"));
        assertThat(captured.list()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("612345678", "secret"));
        // DEBUG lines carry ids only, too, except the listener's own exception attached at DEBUG
        assertThat(captured.list()).filteredOn(e -> e.getThrowableProxy() == null)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("612345678", "secret"));
    }

    private static final String NUMBER = "+33612345678";
    private static final String BODY = "my secret";

    @Test
    @DisplayName("F31 invariant 9: a sending listener's and a carrier's exceptions are logged at WARN with class and ids only")
    void sendingFailuresAreLoggedWithoutPersonalData() {
        SimulatedCarrier simulator = SimulatedCarrier.builder().seed(1).build();
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create())
                .carrier(new ThrowingCarrier(simulator))
                .eventListener(event -> {
                    throw new IllegalStateException("listener saw " + NUMBER + " saying '" + BODY + "'");
                })
                .build();
        AccountId account = AccountId.of("acct-log");
        kit.administration().createAccount(account, "Log test", AccountSettings.builder().defaultRegion("FR")
                .senderIds(java.util.List.of("+33700000001")).defaultSenderId("+33700000001").build());

        OutboxEntry queued = kit.sending().send(account, SendRequest.builder().to(Recipient.number(NUMBER))
                .draft(Draft.ofText(BODY)).build());
        DispatchSummary summary = kit.sending().dispatcher().dispatchDue();

        assertThat(summary.retried()).as("the carrier's exception is retried like a transient refusal").isEqualTo(1);
        assertThat(captured.list()).filteredOn(e -> e.getLevel() == Level.WARN)
                .anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .contains("IllegalStateException", "acct-log", "MessageStatusChanged"))
                .anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .contains("IllegalStateException", queued.messageId().toString(), "simulator"));
        assertNoPersonalDataAtInfoOrAbove();
    }

    @Test
    @DisplayName("F31 invariant 9: a failing dispatch step is logged by the runner at WARN with the exception class only")
    void failingDispatchStepIsLoggedWithoutPersonalData() throws InterruptedException {
        CountDownLatch secondStep = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        Dispatcher failing = new Dispatcher() {
            @Override
            public DispatchSummary dispatchDue() {
                if (steps.incrementAndGet() == 1) {
                    throw new IllegalStateException("store refused row for " + NUMBER + ": '" + BODY + "'");
                }
                secondStep.countDown();
                return DispatchSummary.NOTHING;
            }

            @Override
            public int writeBroadcastCopies() {
                return 0;
            }

            @Override
            public int batchSize() {
                return 10;
            }
        };
        ScheduledExecutorService hostExecutor = Executors.newSingleThreadScheduledExecutor();
        try {
            DispatcherRunner runner = DispatcherRunner.start(failing, hostExecutor, Duration.ofMillis(1));
            assertThat(secondStep.await(30, TimeUnit.SECONDS)).as("the schedule goes on after a failure").isTrue();
            runner.stop();
        } finally {
            hostExecutor.shutdownNow();
        }

        assertThat(captured.list()).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("IllegalStateException"));
        assertNoPersonalDataAtInfoOrAbove();
    }

    private void assertNoPersonalDataAtInfoOrAbove() {
        assertThat(captured.list()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.getFormattedMessage()).doesNotContain("612345678", BODY);
                    assertThat(e.getThrowableProxy()).as("no exception (and its message) attached at INFO+").isNull();
                });
    }

    /** A carrier whose vendor client throws with the recipient and body in its message. */
    private static final class ThrowingCarrier implements Carrier {
        private final SimulatedCarrier delegate;

        ThrowingCarrier(SimulatedCarrier delegate) {
            this.delegate = delegate;
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
            throw new IllegalStateException("vendor refused " + submission.recipient() + ": '" + submission.text() + "'");
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
            return delegate.parseWebhook(request);
        }
    }
}
