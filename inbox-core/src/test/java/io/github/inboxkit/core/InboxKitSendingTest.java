package io.github.inboxkit.core;

import io.github.inboxkit.InboxKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.SkipReason;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboxKitSendingTest {

    private static final AccountId ACCOUNT = AccountId.of("clinic");

    private final SimulatedCarrier carrier = SimulatedCarrier.builder().seed(5).build();
    private final InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).carrier(carrier).build();

    @Test
    @DisplayName("F18 F19 F31 through the front door: a STOP received by ingestion refuses sends and skips broadcasts; replies land in the contact's own thread")
    void endToEnd() {
        kit.administration().createAccount(ACCOUNT, "Clinic", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700000001")).defaultSenderId("+33700000001").build());
        OutboxEntry reminder = kit.sending().send(ACCOUNT, SendRequest.builder()
                .to(Recipient.number("06 12 34 56 78")).draft(Draft.ofText("Rendez-vous demain 9h")).build());
        kit.sending().dispatcher().dispatchDue();
        assertThat(kit.sending().outboxEntry(ACCOUNT, reminder.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.SENT);

        kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId("in-1").contactNumber("+33612345678")
                .accountNumber("+33700000001").text(" stop ").build());

        assertThatThrownBy(() -> kit.sending().send(ACCOUNT, SendRequest.builder()
                .to(Recipient.number("+33612345678")).draft(Draft.ofText("Promo")).build()))
                .isInstanceOf(ContactOptedOutException.class);
        BroadcastResult result = kit.sending().broadcast(ACCOUNT, BroadcastRequest.builder().name("Vaccins")
                .recipients(List.of(Recipient.number("+33612345678"), Recipient.number("+33612345679")))
                .draft(Draft.ofText("Campagne de vaccination")).build());
        assertThat(result.queued()).isEqualTo(1);
        assertThat(result.skipped()).singleElement().satisfies(skip -> assertThat(skip.reason()).isEqualTo(SkipReason.OPTED_OUT));
        assertThat(kit.sending().dispatcher().dispatchDue().written()).as("the copy is written by the dispatcher").isEqualTo(1);

        kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId("in-2").contactNumber("+33612345679")
                .accountNumber("+33700000001").text("Merci !").build());
        List<Message> thread = kit.conversations().messages(ACCOUNT,
                kit.conversations().findByPhone(ACCOUNT, "+33612345679").orElseThrow().id(), 10);
        assertThat(thread).extracting(Message::text).containsExactly("Campagne de vaccination", "Merci !");
        assertThat(thread.get(0).broadcastLabel()).contains("Vaccins");
    }

    @Test
    @DisplayName("F29 without a carrier the sending use cases are unavailable: a typed refusal saying why")
    void noCarrier() {
        InboxKit bare = InboxKit.builder().store(InMemoryInboxStore.create()).build();
        assertThatThrownBy(bare::sending).isInstanceOf(io.github.inboxkit.core.sending.SendingNotConfiguredException.class)
                .isInstanceOf(InboxException.class).hasMessageContaining("carrier");
    }

    @Test
    @DisplayName("F14 sending ends the author's typing indicator in that conversation, with a TypingStopped event")
    void sendingEndsTyping() {
        List<InboxEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        InboxKit team = InboxKit.builder().store(InMemoryInboxStore.create()).carrier(carrier)
                .entitlements(Entitlements.all()).eventListener(events::add).build();
        team.administration().createAccount(ACCOUNT, "Clinic", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700000001")).defaultSenderId("+33700000001").build());
        UserId alice = UserId.of("alice");
        UserId bob = UserId.of("bob");
        team.administration().addUser(ACCOUNT, alice, "Alice Martin");
        team.administration().addUser(ACCOUNT, bob, "Bob Durand");
        OutboxEntry first = team.sending().send(ACCOUNT, SendRequest.builder()
                .to(Recipient.number("+33612345678")).draft(Draft.ofText("Bonjour")).build());
        team.team().typing(ACCOUNT, first.conversationId(), alice);
        team.team().typing(ACCOUNT, first.conversationId(), bob);

        team.sending().send(ACCOUNT, SendRequest.builder().to(Recipient.number("+33612345678"))
                .draft(Draft.ofText("Votre rendez-vous est confirmé")).author(alice).build());

        assertThat(team.team().whoIsTyping(ACCOUNT, first.conversationId())).containsExactly(bob);
        assertThat(events).filteredOn(InboxEvent.TypingStopped.class::isInstance)
                .singleElement().satisfies(event -> assertThat(((InboxEvent.TypingStopped) event).user()).isEqualTo(alice));
    }
}
