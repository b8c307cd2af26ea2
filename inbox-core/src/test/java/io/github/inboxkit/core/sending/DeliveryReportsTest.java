package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static io.github.inboxkit.core.sending.SendingFixture.OTHER;
import static io.github.inboxkit.core.sending.SendingFixture.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryReportsTest {

    private final SendingFixture fixture = new SendingFixture();

    private OutboxEntry sent(String to) {
        OutboxEntry queued = fixture.send(to, "Hello");
        fixture.sending.dispatcher().dispatchDue();
        return fixture.entry(queued.messageId());
    }

    private DeliveryReportOutcome report(OutboxEntry entry, DeliveryStatus status) {
        return fixture.sending.applyDeliveryReport(ACCOUNT, fixture.carrier.id(),
                DeliveryReport.of(entry.carrierMessageId().orElseThrow(), status, fixture.clock.instant()));
    }

    @Test
    @DisplayName("F31 a delivery report moves SENT to DELIVERED; a duplicate changes nothing")
    void deliveredIdempotently() {
        OutboxEntry entry = sent(ALICE);

        assertThat(report(entry, DeliveryStatus.DELIVERED)).isEqualTo(DeliveryReportOutcome.APPLIED);
        assertThat(report(entry, DeliveryStatus.DELIVERED)).isEqualTo(DeliveryReportOutcome.NO_CHANGE);

        assertThat(fixture.entry(entry.messageId()).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(fixture.message(entry.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("F31 a late SENT report never overwrites DELIVERED")
    void lateSentIgnored() {
        OutboxEntry entry = sent(ALICE);
        report(entry, DeliveryStatus.DELIVERED);

        assertThat(report(entry, DeliveryStatus.SENT)).isEqualTo(DeliveryReportOutcome.NO_CHANGE);
        assertThat(fixture.entry(entry.messageId()).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("F31 an UNDELIVERED report makes the message FAILED with the carrier's error code")
    void undelivered() {
        OutboxEntry entry = sent(BOB);
        fixture.sending.applyDeliveryReport(ACCOUNT, fixture.carrier.id(), new DeliveryReport(
                entry.carrierMessageId().orElseThrow(), DeliveryStatus.UNDELIVERED, "30003", fixture.clock.instant()));

        OutboxEntry failed = fixture.entry(entry.messageId());
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.UNDELIVERED);
        assertThat(failed.failure().orElseThrow().carrierCode()).isEqualTo("30003");
        assertThat(report(entry, DeliveryStatus.DELIVERED)).isEqualTo(DeliveryReportOutcome.NO_CHANGE);
    }

    @Test
    @DisplayName("F31 F33 a report with an unknown carrier id is kept for inspection, not an error; another account's id is unknown")
    void unknownCarrierIdKept() {
        OutboxEntry entry = sent(ALICE);
        DeliveryReport stray = DeliveryReport.of("NOT-OURS", DeliveryStatus.DELIVERED, fixture.clock.instant());

        assertThat(fixture.sending.applyDeliveryReport(ACCOUNT, fixture.carrier.id(), stray))
                .isEqualTo(DeliveryReportOutcome.UNMATCHED);
        assertThat(fixture.sending.applyDeliveryReport(OTHER, fixture.carrier.id(),
                DeliveryReport.of(entry.carrierMessageId().orElseThrow(), DeliveryStatus.DELIVERED, fixture.clock.instant())))
                .isEqualTo(DeliveryReportOutcome.UNMATCHED);

        assertThat(fixture.sending.unmatchedReports(ACCOUNT, 10)).singleElement()
                .satisfies(kept -> assertThat(kept.report()).isEqualTo(stray));
        assertThat(fixture.entry(entry.messageId()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    @DisplayName("F31 a DELIVERED report that overtakes the record of the acceptance is applied when the acceptance is recorded")
    void reportOvertakesAcceptance() {
        AtomicReference<String> carrierId = new AtomicReference<>();
        SendingFixture overtaken = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1),
                delegate -> new DispatcherTest.FaultyCarrier(delegate) {
                    @Override
                    public SubmitResult submit(OutboundSubmission submission) {
                        SubmitResult result = delegate.submit(submission);
                        if (result instanceof SubmitResult.Accepted accepted) {
                            carrierId.set(accepted.carrierMessageId());
                            // the carrier's webhook arrives before the dispatcher records the acceptance
                            assertThat(sendingOf(this).applyDeliveryReport(ACCOUNT, id(),
                                    DeliveryReport.of(accepted.carrierMessageId(), DeliveryStatus.DELIVERED,
                                            java.time.Instant.EPOCH))).isEqualTo(DeliveryReportOutcome.UNMATCHED);
                        }
                        return result;
                    }
                });
        holder.set(overtaken.sending);
        OutboxEntry queued = overtaken.send(ALICE, "Hello");

        overtaken.sending.dispatcher().dispatchDue();

        OutboxEntry entry = overtaken.entry(queued.messageId());
        assertThat(entry.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(entry.carrierMessageId()).contains(carrierId.get());
        assertThat(overtaken.sending.unmatchedReports(ACCOUNT, 10)).isEmpty();
        assertThat(overtaken.events.stream()
                .filter(io.github.inboxkit.core.event.InboxEvent.MessageStatusChanged.class::isInstance)
                .map(event -> ((io.github.inboxkit.core.event.InboxEvent.MessageStatusChanged) event).status()))
                .containsExactly(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("F31 one step records mixed answers for one account together, each as it would be alone, kept reports to their own messages")
    void mixedAnswersRecordedTogether() {
        String dave = "+14155550134";
        String erin = "+14155550135";
        SendingFixture mixed = new SendingFixture(b -> b, SimulatedCarrier.builder().seed(1)
                .permanentFailure(BOB, io.github.inboxkit.carrier.PermanentReason.INVALID_NUMBER),
                delegate -> new DispatcherTest.FaultyCarrier(delegate) {
                    @Override
                    public SubmitResult submit(OutboundSubmission submission) {
                        if (submission.recipient().equals(PARIS)) {
                            return SubmitResult.rejectedTransiently(
                                    io.github.inboxkit.carrier.TransientReason.CARRIER_UNAVAILABLE, "", "busy");
                        }
                        SubmitResult result = delegate.submit(submission);
                        if (result instanceof SubmitResult.Accepted accepted && !submission.recipient().equals(erin)) {
                            // reports for ALICE and DAVE arrive before the step records anything
                            DeliveryStatus status = submission.recipient().equals(ALICE) ? DeliveryStatus.DELIVERED
                                    : DeliveryStatus.UNDELIVERED;
                            assertThat(sendingOf(this).applyDeliveryReport(ACCOUNT, id(), new DeliveryReport(
                                    accepted.carrierMessageId(), status, "30003", java.time.Instant.EPOCH)))
                                    .isEqualTo(DeliveryReportOutcome.UNMATCHED);
                        }
                        return result;
                    }
                });
        holder.set(mixed.sending);
        DeliveryReport stray = DeliveryReport.of("NOT-OURS", DeliveryStatus.DELIVERED, mixed.clock.instant());
        mixed.sending.applyDeliveryReport(ACCOUNT, mixed.carrier.id(), stray);
        java.util.Map<String, OutboxEntry> queued = new java.util.LinkedHashMap<>();
        for (String to : java.util.List.of(ALICE, BOB, PARIS, dave, erin)) {
            queued.put(to, mixed.send(to, "Hello"));
        }

        DispatchSummary step = mixed.sending.dispatcher().dispatchDue();

        assertThat(step.claimed()).isEqualTo(5);
        assertThat(step.sent()).isEqualTo(3);
        assertThat(step.failed()).isEqualTo(1);
        assertThat(step.retried()).isEqualTo(1);
        java.util.function.Function<String, OutboxEntry> entry = to -> mixed.entry(queued.get(to).messageId());
        assertThat(entry.apply(ALICE).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(entry.apply(BOB).failure().orElseThrow().reason()).isEqualTo(FailureReason.REJECTED_BY_CARRIER);
        assertThat(entry.apply(PARIS).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(entry.apply(PARIS).attempts()).isEqualTo(1);
        assertThat(entry.apply(dave).failure().orElseThrow().reason()).isEqualTo(FailureReason.UNDELIVERED);
        assertThat(entry.apply(erin).status()).isEqualTo(MessageStatus.SENT);
        for (String to : queued.keySet()) {
            OutboxEntry now = entry.apply(to);
            assertThat(mixed.message(now.messageId()).orElseThrow().status()).as(to).isEqualTo(now.status());
            assertThat(mixed.message(now.messageId()).orElseThrow().carrierMessageId()).as(to)
                    .isEqualTo(now.carrierMessageId());
        }
        assertThat(mixed.sending.unmatchedReports(ACCOUNT, 10)).extracting(UnmatchedDeliveryReport::report)
                .containsExactly(stray);
        // each message's status events in its own order
        for (String to : queued.keySet()) {
            MessageId id = queued.get(to).messageId();
            java.util.List<MessageStatus> statuses = mixed.events.stream()
                    .filter(InboxEvent.MessageStatusChanged.class::isInstance)
                    .map(InboxEvent.MessageStatusChanged.class::cast)
                    .filter(event -> event.message().equals(id))
                    .map(InboxEvent.MessageStatusChanged::status)
                    .toList();
            java.util.List<MessageStatus> expected = to.equals(ALICE)
                    ? java.util.List.of(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.DELIVERED)
                    : to.equals(dave)
                    ? java.util.List.of(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.FAILED)
                    : java.util.List.of(MessageStatus.QUEUED, MessageStatus.SENDING, entry.apply(to).status());
            assertThat(statuses).as(to).isEqualTo(expected);
        }
    }

    private static final AtomicReference<Sending> holder = new AtomicReference<>();

    private static Sending sendingOf(Object carrier) {
        return holder.get();
    }
}
