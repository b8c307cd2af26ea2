package io.github.inboxkit.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sending pipeline records its messages by the engine's own thread rules. */
class SendingThreadRulesTest {

    private static final AccountId ACCOUNT = AccountId.of("clinic");
    private static final String NUMBER = "+33612345678";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final List<InboxEvent> events = new CopyOnWriteArrayList<>();
    private final InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).clock(clock)
            .eventListener(events::add).carrier(SimulatedCarrier.builder().seed(3).clock(clock).build()).build();

    @Test
    @DisplayName("F4 F11 a send to a number whose thread went quiet past the window starts it afresh, as the engine's own sends do")
    void staleThreadStartsAfresh() {
        kit.administration().createAccount(ACCOUNT, "Clinic", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700000001")).defaultSenderId("+33700000001").build());
        kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId("old-1").contactNumber(NUMBER)
                .accountNumber("+33700000001").text("Bonjour").build());
        assertThat(kit.inbox().counters(ACCOUNT).badge()).isEqualTo(1);
        clock.advance(Duration.ofDays(91));

        OutboxEntry entry = kit.sending().send(ACCOUNT, SendRequest.builder().to(Recipient.number(NUMBER))
                .draft(Draft.ofText("Nous revoilà")).build());

        Conversation thread = kit.conversations().get(ACCOUNT, entry.conversationId());
        assertThat(thread.unreadCount()).as("the old unread message is outside the window").isZero();
        assertThat(kit.inbox().counters(ACCOUNT).badge()).isZero();
        assertThat(thread.createdAt()).isEqualTo(clock.instant());
        assertThat(thread.lastMessagePreview()).isEqualTo("Nous revoilà");
        assertThat(entry.status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    @DisplayName("F3 F4 F11 F19 a broadcast batch starts stale threads afresh, reopens closed ones, starts new ones and leaves unread counts alone")
    void broadcastBatchFollowsTheThreadRules() {
        kit.administration().createAccount(ACCOUNT, "Clinic", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700000001")).defaultSenderId("+33700000001").build());
        String stale = "+33612345671";
        String closed = "+33612345672";
        String unread = "+33612345673";
        String fresh = "+33612345674";
        receive(stale, "old-1");
        clock.advance(Duration.ofDays(91));
        receive(closed, "c-1");
        receive(unread, "u-1");
        Conversation closedBefore = kit.conversations().close(ACCOUNT,
                kit.conversations().findByPhone(ACCOUNT, closed).orElseThrow().id());
        Conversation unreadBefore = kit.conversations().findByPhone(ACCOUNT, unread).orElseThrow();
        Conversation staleBefore = kit.conversations().findByPhone(ACCOUNT, stale).orElseThrow();
        InboxCounters before = kit.inbox().counters(ACCOUNT);
        events.clear();

        BroadcastResult result = kit.sending().broadcast(ACCOUNT, BroadcastRequest.builder().name("Rappel")
                .recipients(List.of(Recipient.number(stale), Recipient.number(closed), Recipient.number(unread),
                        Recipient.number(fresh)))
                .draft(Draft.ofText("Rendez-vous demain")).build());

        assertThat(result.queued()).isEqualTo(4);
        assertThat(kit.sending().dispatcher().dispatchDue().written()).isEqualTo(4);
        Conversation staleAfter = kit.conversations().findByPhone(ACCOUNT, stale).orElseThrow();
        assertThat(staleAfter.id()).as("one thread per number").isEqualTo(staleBefore.id());
        assertThat(staleAfter.unreadCount()).isZero();
        assertThat(staleAfter.createdAt()).isEqualTo(clock.instant());
        Conversation closedAfter = kit.conversations().findByPhone(ACCOUNT, closed).orElseThrow();
        assertThat(closedAfter.state()).isEqualTo(ConversationState.OPEN);
        assertThat(closedAfter.unreadCount()).isEqualTo(closedBefore.unreadCount());
        assertThat(closedAfter.lastMessageSequence()).isEqualTo(closedBefore.lastMessageSequence() + 1);
        assertThat(closedAfter.lastMessagePreview()).isEqualTo("Rendez-vous demain");
        Conversation unreadAfter = kit.conversations().findByPhone(ACCOUNT, unread).orElseThrow();
        assertThat(unreadAfter.unreadCount()).isEqualTo(unreadBefore.unreadCount()).isEqualTo(1);
        assertThat(kit.conversations().findByPhone(ACCOUNT, fresh).orElseThrow().state())
                .isEqualTo(ConversationState.OPEN);
        // stale: was open, badge -1; closed: reopened; fresh: one more open
        assertThat(kit.inbox().counters(ACCOUNT)).isEqualTo(new InboxCounters(before.openConversations() + 2,
                before.closedConversations() - 1, before.unreadConversations() - 1));
        List<InboxEvent> reopened = events.stream().filter(e -> e instanceof InboxEvent.ConversationReopened).toList();
        assertThat(reopened).singleElement().isEqualTo(new InboxEvent.ConversationReopened(ACCOUNT,
                closedAfter.id(), true, clock.instant()));
        int reopenedAt = events.indexOf(reopened.get(0));
        assertThat(events.get(reopenedAt + 1)).as("the message's events follow its thread's")
                .isInstanceOfSatisfying(InboxEvent.OutboundMessageRecorded.class,
                        e -> assertThat(e.conversation()).isEqualTo(closedAfter.id()));
    }

    private void receive(String number, String carrierMessageId) {
        kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId(carrierMessageId)
                .contactNumber(number).accountNumber("+33700000001").text("Bonjour").build());
    }
}
