package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static io.github.inboxkit.core.sending.SendingFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.EmptyDraftException;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.InboxCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BroadcastTest {

    private static String number(int i) {
        return String.format("+1415555%04d", i);
    }

    @Test
    @DisplayName("F19 a broadcast creates one message in each recipient's own thread, labelled with its name; skips are reported with the reason")
    void oneMessagePerThreadWithSkips() {
        SendingFixture fixture = new SendingFixture(b -> b.broadcastBatchSize(2), SimulatedCarrier.builder().seed(1)
                .undeliverable(number(3), DeliveryStatus.UNDELIVERED));
        ContactId alice = fixture.createContact(ACCOUNT, ALICE);
        fixture.optOut(ACCOUNT, BOB);
        List<Recipient> recipients = List.of(Recipient.contact(alice), Recipient.number(BOB), Recipient.number("garbage"),
                Recipient.number(number(3)), Recipient.number("(415) 555-0132"), Recipient.contact(ContactId.random()));

        BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Black Friday")
                .recipients(recipients).draft(Draft.ofText("20% off today")).build());

        assertThat(result.queued()).isEqualTo(2);
        assertThat(result.skipped()).extracting(BroadcastSkip::reason).containsExactly(SkipReason.OPTED_OUT,
                SkipReason.INVALID_NUMBER, SkipReason.DUPLICATE, SkipReason.NO_SUCH_CONTACT);
        assertThat(fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id()).queued()).isEqualTo(2);
        assertThat(fixture.conversation(ALICE)).as("the dispatcher writes the copies").isEmpty();
        assertThat(fixture.counters()).isEqualTo(InboxCounters.zero());

        assertThat(fixture.sending.dispatcher().writeBroadcastCopies()).isEqualTo(2);
        assertThat(fixture.carrier.sentMessages()).as("written, not sent").isEmpty();
        assertThat(fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id()).queued()).isEqualTo(2);
        assertThat(fixture.sending.dispatcher().writeBroadcastCopies()).isZero();
        ConversationId aliceThread = fixture.conversation(ALICE).orElseThrow().id();
        Message toAlice = fixture.read(tx -> tx.messages().listMessages(aliceThread, Long.MAX_VALUE, Instant.EPOCH, 10))
                .get(0);
        assertThat(toAlice.broadcastLabel()).contains("Black Friday");
        assertThat(toAlice.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(toAlice.text()).isEqualTo("20% off today");
        assertThat(fixture.conversation(BOB)).isEmpty();
        assertThat(fixture.counters().openConversations()).isEqualTo(2);

        fixture.drain(3);
        fixture.deliverReports();
        BroadcastProgress progress = fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id());
        assertThat(progress.delivered()).isEqualTo(1);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.queued()).isZero();
        assertThat(progress.skipped()).hasSize(4);
        assertThat(progress.isComplete()).isTrue();
        assertThat(progress.skipped().get(0).toString()).doesNotContain("555");
    }

    @Test
    @DisplayName("F19 the dispatcher writes a broadcast's copies a batch per step, in the recipients' order, and claims them in the same step")
    void copiesWrittenInOrderABatchPerStep() {
        SendingFixture fixture = new SendingFixture(b -> b.broadcastBatchSize(2), SimulatedCarrier.builder().seed(1));
        List<Recipient> recipients = List.of(Recipient.number(number(1)), Recipient.number(number(2)),
                Recipient.number(number(3)), Recipient.number(number(4)), Recipient.number(number(5)));
        BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Soldes")
                .recipients(recipients).draft(Draft.ofText("Soldes")).build());
        assertThat(result.queued()).isEqualTo(5);

        DispatchSummary first = fixture.sending.dispatcher().dispatchDue();
        assertThat(first.written()).isEqualTo(2);
        assertThat(first.sent()).as("written, then claimed in the same step").isEqualTo(2);
        assertThat(fixture.conversation(number(1))).isPresent();
        assertThat(fixture.conversation(number(2))).isPresent();
        assertThat(fixture.conversation(number(3))).isEmpty();
        assertThat(fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id()))
                .satisfies(progress -> {
                    assertThat(progress.queued()).isEqualTo(3);
                    assertThat(progress.sent()).isEqualTo(2);
                });

        assertThat(fixture.sending.dispatcher().dispatchDue().written()).isEqualTo(2);
        assertThat(fixture.sending.dispatcher().dispatchDue().written()).isEqualTo(1);
        DispatchSummary idle = fixture.sending.dispatcher().dispatchDue();
        assertThat(idle.isIdle()).isTrue();
        // written in the recipients' order, batch by batch; within a step, due together, in no promised order
        assertThat(fixture.carrier.sentMessages()).extracting(m -> m.submission().recipient())
                .containsExactlyInAnyOrder(number(1), number(2), number(3), number(4), number(5))
                .element(4).isEqualTo(number(5));
        assertThat(fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id()).isComplete()).isTrue();
    }

    @Test
    @DisplayName("F18 F19 a STOP that commits after the broadcast is created but before its copy is claimed stops the copy")
    void stopAfterCreationStillWins() {
        SendingFixture fixture = new SendingFixture();
        BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Promo")
                .recipients(List.of(Recipient.number(ALICE), Recipient.number(BOB))).draft(Draft.ofText("Promo"))
                .build());
        assertThat(result.queued()).isEqualTo(2);
        fixture.optOut(ACCOUNT, BOB);

        DispatchSummary step = fixture.sending.dispatcher().dispatchDue();

        assertThat(step.written()).isEqualTo(2);
        assertThat(step.sent()).isEqualTo(1);
        assertThat(step.skipped()).isEqualTo(1);
        assertThat(fixture.carrier.sentMessages()).extracting(m -> m.submission().recipient()).containsExactly(ALICE);
        BroadcastProgress progress = fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id());
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.isComplete()).isTrue();
    }

    @Test
    @DisplayName("F4 F19 two broadcasts to one number written in one step put both copies in its one thread, in order")
    void twoBroadcastsToOneNumberInOneStep() {
        SendingFixture fixture = new SendingFixture();
        for (String name : List.of("Premier", "Second")) {
            fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name(name)
                    .recipients(List.of(Recipient.number(ALICE), Recipient.number(BOB))).draft(Draft.ofText(name))
                    .build());
        }

        assertThat(fixture.sending.dispatcher().dispatchDue().written()).isEqualTo(4);

        ConversationId aliceThread = fixture.conversation(ALICE).orElseThrow().id();
        List<Message> thread = fixture.read(tx -> tx.messages().listMessages(aliceThread, Long.MAX_VALUE, Instant.EPOCH, 10));
        assertThat(thread.stream().sorted(Comparator.comparingLong(Message::sequence)).map(Message::text))
                .containsExactly("Premier", "Second");
        assertThat(fixture.conversation(ALICE).orElseThrow().lastMessagePreview()).isEqualTo("Second");
        assertThat(fixture.counters().openConversations()).isEqualTo(2);
    }

    @Test
    @DisplayName("F19 1,000 recipients go in bounded batches, at most the carrier's messages per second, each sent exactly once")
    void boundedBatches() {
        SendingFixture fixture = new SendingFixture(b -> b.broadcastBatchSize(100).dispatchBatchSize(250),
                SimulatedCarrier.builder().seed(1));
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            recipients.add(Recipient.number(number(i)));
        }

        BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Newsletter")
                .recipients(recipients).draft(Draft.ofText("News")).build());
        assertThat(result.queued()).isEqualTo(1000);
        assertThat(fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id()).queued()).isEqualTo(1000);

        for (int step = 0; step < 10; step++) {
            DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();
            assertThat(summary.sent()).as("the simulator declares 100 messages per second").isLessThanOrEqualTo(100);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        fixture.drain(3);

        assertThat(fixture.carrier.sentMessages()).hasSize(1000);
        assertThat(fixture.carrier.sentMessages().stream().map(m -> m.submission().recipient()).distinct()).hasSize(1000);
        assertThat(fixture.sending.broadcastProgress(ACCOUNT, result.broadcast().id()).sent()).isEqualTo(1000);
    }

    @Test
    @DisplayName("F19 F28 a broadcast with invalid content is refused before anything is stored; an unknown broadcast is a typed error")
    void invalidContentRefused() {
        SendingFixture fixture = new SendingFixture();
        assertThatThrownBy(() -> fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Empty")
                .addRecipients(Recipient.number(ALICE)).draft(Draft.ofText("")).build()))
                .isInstanceOf(EmptyDraftException.class);
        assertThat(fixture.counters()).isEqualTo(InboxCounters.zero());
        assertThatThrownBy(() -> fixture.sending.broadcastProgress(ACCOUNT, BroadcastId.random()))
                .isInstanceOf(NoSuchBroadcastException.class);

        BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Ok")
                .addRecipients(Recipient.number(ALICE)).draft(Draft.ofText("Hi")).build());
        assertThatThrownBy(() -> fixture.sending.broadcastProgress(OTHER, result.broadcast().id()))
                .isInstanceOf(NoSuchBroadcastException.class);
    }

    @Test
    @DisplayName("F19 a blank or overlong broadcast name and a sender ID with a pool are typed refusals naming the facts")
    void badRequestsAreTypedRefusals() {
        assertThatThrownBy(() -> BroadcastRequest.builder().name("  ")
                .addRecipients(Recipient.number(ALICE)).draft(Draft.ofText("Hi")).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> BroadcastRequest.builder().name("x".repeat(201))
                .addRecipients(Recipient.number(ALICE)).draft(Draft.ofText("Hi")).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> BroadcastRequest.builder().name("Promo").senderId("ACME").numberPool("main")
                .addRecipients(Recipient.number(ALICE)).draft(Draft.ofText("Hi")).build())
                .isInstanceOfSatisfying(ConflictingSenderChoiceException.class, e -> {
                    assertThat(e.senderId()).isEqualTo("ACME");
                    assertThat(e.numberPool()).isEqualTo("main");
                });
    }
}
