package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static io.github.inboxkit.core.sending.SendingFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.conversation.MessageStatus;
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

    private static final AtomicReference<Sending> holder = new AtomicReference<>();

    private static Sending sendingOf(Object carrier) {
        return holder.get();
    }
}
