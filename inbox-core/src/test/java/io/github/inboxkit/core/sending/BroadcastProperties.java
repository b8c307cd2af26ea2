package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of broadcasts (with repeated recipients), STOPs, copy-writing and dispatcher
 * steps: each kept recipient gets one copy per broadcast in its one thread, none twice, and a STOP
 * that commits before a copy can be claimed always wins (F4, F18, F19, architecture invariants 5 and 7).
 */
class BroadcastProperties {

    private static final int NUMBERS = 5;

    sealed interface Action permits Broadcast, Stop, Write, Step {}

    record Broadcast(List<Integer> recipients) implements Action {}

    record Stop(int recipient) implements Action {}

    record Write() implements Action {}

    record Step() implements Action {}

    @Provide
    Arbitrary<Action> action() {
        Arbitrary<Integer> recipient = Arbitraries.integers().between(0, NUMBERS - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, recipient.list().ofMinSize(1).ofMaxSize(8).map(Broadcast::new)),
                Tuple.of(1, recipient.map(Stop::new)),
                Tuple.of(2, Arbitraries.just(new Write())),
                Tuple.of(3, Arbitraries.just(new Step())));
    }

    private static String number(int index) {
        return String.format("+1415555%04d", 300 + index);
    }

    /** One broadcast as the test saw it created. */
    private record Created(BroadcastResult result, Set<String> kept, Set<String> stoppedBeforeAnyClaim) {}

    @Property(tries = 80)
    @Label("F18 F19 each kept recipient gets exactly one copy per broadcast in its one thread; a STOP before any claim wins")
    void oneCopyPerRecipientAndStopWins(@ForAll @Size(max = 30) List<@From("action") Action> actions,
            @ForAll @IntRange(min = 1, max = 4) int batchSize) {
        SendingFixture fixture = new SendingFixture(b -> b.dispatchBatchSize(batchSize).broadcastBatchSize(batchSize),
                SimulatedCarrier.builder().seed(5));
        List<Created> created = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        // broadcasts created since the last dispatcher step: none of their copies can have been claimed
        List<Created> unclaimed = new ArrayList<>();

        for (Action action : actions) {
            if (action instanceof Broadcast broadcast) {
                String name = "B" + created.size();
                BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name(name)
                        .recipients(broadcast.recipients().stream().map(i -> Recipient.number(number(i))).toList())
                        .draft(Draft.ofText(name)).build());
                Set<String> kept = new LinkedHashSet<>();
                broadcast.recipients().stream().map(BroadcastProperties::number).filter(n -> !stopped.contains(n))
                        .forEach(kept::add);
                assertThat(result.queued()).isEqualTo(kept.size());
                assertThat(result.queued() + result.skipped().size()).isEqualTo(broadcast.recipients().size());
                Created c = new Created(result, kept, new HashSet<>());
                created.add(c);
                unclaimed.add(c);
            } else if (action instanceof Stop stop) {
                fixture.optOut(ACCOUNT, number(stop.recipient()));
                stopped.add(number(stop.recipient()));
                unclaimed.forEach(c -> c.stoppedBeforeAnyClaim().add(number(stop.recipient())));
            } else if (action instanceof Write) {
                int written = fixture.sending.dispatcher().writeBroadcastCopies();
                assertThat(written).isBetween(0, batchSize);
            } else {
                DispatchSummary step = fixture.sending.dispatcher().dispatchDue();
                assertThat(step.written()).isBetween(0, batchSize);
                unclaimed.clear();
            }
        }
        for (int i = 0; i < 100 && !fixture.sending.dispatcher().dispatchDue().isIdle(); i++) {
            fixture.clock.advance(Duration.ofSeconds(1));
        }

        Map<String, Integer> copiesPerNumber = new HashMap<>();
        List<String> sent = fixture.carrier.sentMessages().stream()
                .map(m -> m.submission().recipient() + "/" + m.submission().text()).toList();
        assertThat(sent).as("none sent twice").doesNotHaveDuplicates();
        for (Created c : created) {
            String name = c.result().broadcast().name();
            BroadcastProgress progress = fixture.sending.broadcastProgress(ACCOUNT, c.result().broadcast().id());
            assertThat(progress.isComplete()).isTrue();
            assertThat(progress.sent() + progress.delivered() + progress.failed()).isEqualTo(c.kept().size());
            for (String kept : c.kept()) {
                copiesPerNumber.merge(kept, 1, Integer::sum);
                boolean wasSent = sent.contains(kept + "/" + name);
                if (c.stoppedBeforeAnyClaim().contains(kept)) {
                    assertThat(wasSent).as("STOP before any claim wins, %s of %s", kept, name).isFalse();
                } else if (!stopped.contains(kept)) {
                    assertThat(wasSent).as("never stopped: %s gets %s", kept, name).isTrue();
                }
            }
        }
        for (int i = 0; i < NUMBERS; i++) {
            Optional<Conversation> thread = fixture.conversation(number(i));
            int expected = copiesPerNumber.getOrDefault(number(i), 0);
            List<Message> messages = thread.map(t -> fixture.read(tx -> tx.messages().listMessages(t.id(), Long.MAX_VALUE,
                    Instant.EPOCH, 100))).orElse(List.of());
            assertThat(messages).as("one copy per broadcast in the one thread of %s", number(i)).hasSize(expected);
        }
        assertThat(fixture.counters().openConversations()).isEqualTo(copiesPerNumber.size());
        assertThat(fixture.counters().unreadConversations()).isZero();
    }
}
