package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of sends, STOPs, dispatcher steps, clock moves and delivery reports (shuffled
 * and repeated), against the simulated carrier with transient failures, duplicate and out-of-order
 * reports (F18, F31, architecture invariants 3 and 5).
 */
class SendingPipelineProperties {

    private static final int NUMBERS = 4;

    sealed interface Action permits Send, Stop, Step, Wait, Reports {}

    record Send(int recipient) implements Action {}

    record Stop(int recipient) implements Action {}

    record Step() implements Action {}

    record Wait(int seconds) implements Action {}

    record Reports(long shuffleSeed, boolean repeat) implements Action {}

    @Provide
    Arbitrary<Action> action() {
        Arbitrary<Integer> recipient = Arbitraries.integers().between(0, NUMBERS - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, recipient.map(Send::new)),
                net.jqwik.api.Tuple.of(1, recipient.map(Stop::new)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(new Step())),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 40).map(Wait::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().flatMap(seed ->
                        Arbitraries.of(true, false).map(repeat -> new Reports(seed, repeat)))));
    }

    private static String number(int index) {
        return String.format("+1415555%04d", 200 + index);
    }

    @Property(tries = 60)
    @Label("F18 F31 every queued message ends SENT/DELIVERED or FAILED with a reason, none sent twice, and a STOP before the claim always wins")
    void everyMessageSettlesOnceAndStopWins(
            @ForAll @Size(max = 40) List<@net.jqwik.api.From("action") Action> actions,
            @ForAll long carrierSeed) {
        SendingFixture fixture = new SendingFixture(b -> b.dispatchBatchSize(3), SimulatedCarrier.builder()
                .seed(carrierSeed).transientFailureRate(0.3).duplicateReportRate(0.3).outOfOrderReportRate(0.5));
        List<MessageId> queued = new ArrayList<>();
        Set<Integer> stopped = new HashSet<>();
        Set<MessageId> mustNeverBeSent = new HashSet<>();
        List<DeliveryReport> seen = new ArrayList<>();

        for (Action action : actions) {
            if (action instanceof Send send) {
                if (!stopped.contains(send.recipient())) {
                    queued.add(fixture.send(number(send.recipient()), "Hello " + send.recipient()).messageId());
                }
            } else if (action instanceof Stop stop) {
                fixture.optOut(ACCOUNT, number(stop.recipient()));
                stopped.add(stop.recipient());
                for (MessageId id : queued) {
                    OutboxEntry entry = fixture.entry(id);
                    if (entry.recipient().e164().equals(number(stop.recipient()))
                            && entry.status() == MessageStatus.QUEUED) {
                        mustNeverBeSent.add(id);
                    }
                }
            } else if (action instanceof Step) {
                fixture.sending.dispatcher().dispatchDue();
            } else if (action instanceof Wait wait) {
                fixture.clock.advance(Duration.ofSeconds(wait.seconds()));
            } else if (action instanceof Reports reports) {
                List<DeliveryReport> batch = new ArrayList<>(fixture.carrier.drainDeliveryReports());
                if (reports.repeat()) {
                    batch.addAll(seen);
                }
                Collections.shuffle(batch, new Random(reports.shuffleSeed()));
                batch.forEach(report -> fixture.sending.applyDeliveryReport(ACCOUNT, fixture.carrier.id(), report));
                seen.addAll(batch);
            }
        }
        for (int i = 0; i < 40; i++) {
            fixture.sending.dispatcher().dispatchDue();
            fixture.clock.advance(Duration.ofSeconds(31));
        }
        fixture.deliverReports();

        Set<String> acceptedKeys = fixture.carrier.sentMessages().stream()
                .map(sent -> sent.submission().idempotencyKey()).collect(Collectors.toSet());
        assertThat(fixture.carrier.sentMessages()).as("none sent twice").hasSize(acceptedKeys.size());
        for (MessageId id : queued) {
            OutboxEntry entry = fixture.entry(id);
            assertThat(entry.status()).isIn(EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED));
            if (entry.status() == MessageStatus.FAILED) {
                assertThat(entry.failure()).isPresent();
            }
            boolean accepted = acceptedKeys.contains(id.toString());
            assertThat(accepted).as("accepted by the carrier iff recorded as such")
                    .isEqualTo(entry.carrierMessageId().isPresent());
            if (mustNeverBeSent.contains(id)) {
                assertThat(accepted).as("STOP before the claim wins").isFalse();
                assertThat(entry.failure().orElseThrow().reason()).isEqualTo(FailureReason.OPTED_OUT);
            }
            assertThat(fixture.message(id).orElseThrow().status()).isEqualTo(entry.status());
        }
    }

    @Property(tries = 200)
    @Label("F31 delivery statuses only move forward, whatever the order and repetition of reports")
    void statusesOnlyMoveForward(@ForAll @Size(min = 1, max = 8) List<io.github.inboxkit.carrier.DeliveryStatus> reports) {
        SendingFixture fixture = new SendingFixture();
        MessageId id = fixture.send(number(0), "Hi").messageId();
        fixture.sending.dispatcher().dispatchDue();
        String carrierId = fixture.entry(id).carrierMessageId().orElseThrow();
        MessageStatus firstFinal = null;
        for (io.github.inboxkit.carrier.DeliveryStatus status : reports) {
            fixture.sending.applyDeliveryReport(ACCOUNT, fixture.carrier.id(),
                    DeliveryReport.of(carrierId, status, fixture.clock.instant()));
            MessageStatus now = fixture.entry(id).status();
            if (firstFinal == null && now != MessageStatus.SENT) {
                firstFinal = now;
            }
            if (firstFinal != null) {
                assertThat(now).as("a final status never changes").isEqualTo(firstFinal);
            }
        }
        MessageStatus expected = reports.stream().filter(io.github.inboxkit.carrier.DeliveryStatus::isFinal).findFirst()
                .map(status -> status == io.github.inboxkit.carrier.DeliveryStatus.DELIVERED ? MessageStatus.DELIVERED
                        : MessageStatus.FAILED)
                .orElse(MessageStatus.SENT);
        assertThat(fixture.entry(id).status()).isEqualTo(expected);
    }
}
