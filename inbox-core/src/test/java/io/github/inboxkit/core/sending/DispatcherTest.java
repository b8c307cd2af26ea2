package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    @Test
    @DisplayName("F31 the dispatcher sends a queued message once, with its id as idempotency key, and records SENT with the carrier's id")
    void sendsAndRecordsSent() {
        SendingFixture fixture = new SendingFixture();
        OutboxEntry queued = fixture.send(ALICE, "Your order shipped");

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary).isEqualTo(new DispatchSummary(0, 1, 1, 0, 0, 0, 0));
        OutboxEntry sent = fixture.entry(queued.messageId());
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixture.carrier.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.submission().idempotencyKey()).isEqualTo(queued.messageId().toString());
            assertThat(sent.carrierMessageId()).contains(message.carrierMessageId());
        });
        assertThat(fixture.message(queued.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(statuses(fixture)).containsExactly(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT);
        assertThat(fixture.sending.dispatcher().dispatchDue().isIdle()).isTrue();
    }

    @Test
    @DisplayName("F18 F31 a STOP committed before the claim means no send: FAILED with reason OPTED_OUT")
    void stopBeforeClaimWins() {
        SendingFixture fixture = new SendingFixture();
        OutboxEntry queued = fixture.send(ALICE, "Promo");
        fixture.optOut(ACCOUNT, ALICE);

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(fixture.carrier.sentMessages()).isEmpty();
        assertThat(fixture.carrier.attempts(queued.messageId().toString())).isZero();
        OutboxEntry failed = fixture.entry(queued.messageId());
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.OPTED_OUT);
    }

    @Test
    @DisplayName("F31 a permanent rejection is FAILED with the carrier's reason and code, never retried")
    void permanentRejection() {
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1)
                .permanentFailure(BOB, PermanentReason.INVALID_NUMBER));
        OutboxEntry queued = fixture.send(BOB, "Hello");

        assertThat(fixture.sending.dispatcher().dispatchDue().failed()).isEqualTo(1);
        fixture.drain(5);

        SendFailure failure = fixture.entry(queued.messageId()).failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(FailureReason.REJECTED_BY_CARRIER);
        assertThat(failure.carrierReason()).contains(PermanentReason.INVALID_NUMBER);
        assertThat(failure.carrierCode()).isNotEmpty();
        assertThat(fixture.carrier.attempts(queued.messageId().toString())).isEqualTo(1);
    }

    @Test
    @DisplayName("F18 F31 F48 a carrier's refusal because the recipient unsubscribed at the carrier opts the number out: recorded once, an event, the next send refused")
    void carrierReportedUnsubscribeOptsOut() {
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1)
                .permanentFailure(BOB, PermanentReason.OPTED_OUT));
        OutboxEntry first = fixture.send(BOB, "Hello");
        OutboxEntry second = fixture.send(BOB, "Are you there?");

        assertThat(fixture.sending.dispatcher().dispatchDue().failed()).isEqualTo(2);

        assertThat(fixture.entry(first.messageId()).failure().orElseThrow().carrierReason())
                .contains(PermanentReason.OPTED_OUT);
        List<OptOutRecord> records = fixture.read(tx -> tx.consent().optOutHistory(new PhoneNumber(BOB)));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(OptOutAction.OPTED_OUT);
            assertThat(record.source()).isEqualTo(OptOutSource.CARRIER);
            assertThat(record.causedByMessage().orElseThrow()).isIn(first.messageId(), second.messageId());
        });
        assertThat(fixture.events).filteredOn(InboxEvent.SubscriptionChanged.class::isInstance).hasSize(1);
        assertThatThrownBy(() -> fixture.send(BOB, "One more?")).isInstanceOf(ContactOptedOutException.class);
    }

    @Test
    @DisplayName("F31 transient rejections are retried with back-off, then FAILED with RETRIES_EXHAUSTED after max attempts")
    void transientUntilExhausted() {
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1).transientFailureRate(1.0));
        OutboxEntry queued = fixture.send(ALICE, "Hello");

        DispatchSummary first = fixture.sending.dispatcher().dispatchDue();
        assertThat(first.retried()).isEqualTo(1);
        OutboxEntry retry = fixture.entry(queued.messageId());
        assertThat(retry.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(retry.dueAt()).isAfter(fixture.clock.instant());
        assertThat(fixture.sending.dispatcher().dispatchDue().isIdle()).as("not due before the back-off").isTrue();

        fixture.drain(20);

        OutboxEntry failed = fixture.entry(queued.messageId());
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.RETRIES_EXHAUSTED);
        assertThat(failed.attempts()).isEqualTo(6);
        assertThat(fixture.carrier.attempts(queued.messageId().toString())).isEqualTo(6);
    }

    @Test
    @DisplayName("F31 an unexpected exception from the carrier is treated as transient and retried")
    void unexpectedExceptionIsTransient() {
        AtomicReference<RuntimeException> failNext = new AtomicReference<>(new IllegalStateException("socket closed"));
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1),
                delegate -> new FaultyCarrier(delegate) {
                    @Override
                    public SubmitResult submit(OutboundSubmission submission) {
                        RuntimeException failure = failNext.getAndSet(null);
                        if (failure != null) {
                            throw failure;
                        }
                        return delegate.submit(submission);
                    }
                });
        OutboxEntry queued = fixture.send(ALICE, "Hello");

        assertThat(fixture.sending.dispatcher().dispatchDue().retried()).isEqualTo(1);
        fixture.drain(3);

        assertThat(fixture.entry(queued.messageId()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixture.carrier.sentMessages()).hasSize(1);
    }

    @Test
    @DisplayName("F31 a crash between claim and record is retried after the lease: never lost, never doubled")
    void crashBetweenClaimAndRecord() {
        AtomicReference<Boolean> crash = new AtomicReference<>(true);
        SendingFixture fixture = new SendingFixture(b -> b.lease(Duration.ofMinutes(2)).dispatchBatchSize(10), SimulatedCarrier.builder().seed(1),
                delegate -> new FaultyCarrier(delegate) {
                    @Override
                    public SubmitResult submit(OutboundSubmission submission) {
                        SubmitResult result = delegate.submit(submission);
                        if (crash.getAndSet(false)) {
                            throw new SimulatedCrash();
                        }
                        return result;
                    }
                });
        OutboxEntry queued = fixture.send(ALICE, "Hello");

        assertThatThrownBy(() -> fixture.sending.dispatcher().dispatchDue()).isInstanceOf(SimulatedCrash.class);
        assertThat(fixture.entry(queued.messageId()).status()).isEqualTo(MessageStatus.SENDING);
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.sending.dispatcher().dispatchDue().isIdle()).as("the lease still holds").isTrue();

        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.sending.dispatcher().dispatchDue().sent()).isEqualTo(1);

        assertThat(fixture.entry(queued.messageId()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixture.carrier.attempts(queued.messageId().toString())).isEqualTo(2);
        assertThat(fixture.carrier.sentMessages()).as("the idempotency key made the repeat one message").hasSize(1);
    }

    @Test
    @DisplayName("F19 F31 the token bucket defers what the carrier's messages-per-second refuses, without counting an attempt")
    void throttleDefers() {
        SendingFixture fixture = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1)
                .capabilities(CarrierCapabilities.builder().mms(410 * 1024).messagesPerSecond(1).build()));
        OutboxEntry first = fixture.send(ALICE, "One");
        OutboxEntry second = fixture.send(BOB, "Two");

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.sent()).isEqualTo(1);
        assertThat(summary.deferred()).isEqualTo(1);
        OutboxEntry deferred = fixture.entry(second.messageId()).status() == MessageStatus.QUEUED
                ? fixture.entry(second.messageId()) : fixture.entry(first.messageId());
        assertThat(deferred.attempts()).isZero();
        assertThat(fixture.sending.dispatcher().dispatchDue().isIdle()).isTrue();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.sending.dispatcher().dispatchDue().sent()).isEqualTo(1);
        assertThat(fixture.carrier.sentMessages()).hasSize(2);
    }

    @Test
    @DisplayName("F19 F33 one account's backlog does not starve another account's messages")
    void fairAcrossAccounts() {
        SendingFixture fixture = new SendingFixture(b -> b.dispatchBatchSize(4), SimulatedCarrier.builder().seed(1));
        for (int i = 0; i < 20; i++) {
            fixture.send(String.format("+1415557%04d", i), "Broadcast-like backlog");
        }
        OutboxEntry other = fixture.sending.send(SendingFixture.OTHER, SendRequest.builder()
                .to(Recipient.number(ALICE)).draft(io.github.inboxkit.core.compose.Draft.ofText("Urgent")).build());

        fixture.sending.dispatcher().dispatchDue();

        assertThat(fixture.sending.outboxEntry(SendingFixture.OTHER, other.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.SENT);
    }

    private static List<MessageStatus> statuses(SendingFixture fixture) {
        return fixture.events.stream()
                .filter(InboxEvent.MessageStatusChanged.class::isInstance)
                .map(event -> ((InboxEvent.MessageStatusChanged) event).status())
                .toList();
    }

    /** Stands for the process dying between the carrier call and the record: an error the JVM does not survive. */
    static final class SimulatedCrash extends VirtualMachineError {
        private static final long serialVersionUID = 1L;
    }

    /** A carrier whose submit a test overrides; the rest goes to the simulator. */
    abstract static class FaultyCarrier implements Carrier {
        final SimulatedCarrier delegate;

        FaultyCarrier(SimulatedCarrier delegate) {
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
        public WebhookPayload parseWebhook(WebhookRequest request) throws io.github.inboxkit.carrier.WebhookRejectedException {
            return delegate.parseWebhook(request);
        }
    }
}
