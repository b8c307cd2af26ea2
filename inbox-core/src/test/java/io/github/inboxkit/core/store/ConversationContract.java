package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: one conversation's use cases (F2, F3, F4, F15, F16, F19, F20, F27). */
public abstract class ConversationContract extends StoreContractSupport {

    @Test
    @DisplayName("F16 close moves a conversation to the closed tab and reopen moves it back")
    void closeAndReopen() {
        ConversationId id = idOf(receive(phone(1), "hello"));

        Conversation closed = kit.conversations().close(account, id);
        assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(kit.inbox().counters(account).closedConversations()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).openConversations()).isZero();

        Conversation reopened = kit.conversations().reopen(account, id);
        assertThat(reopened.state()).isEqualTo(ConversationState.OPEN);
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
        assertThat(eventsOf(InboxEvent.ConversationClosed.class)).hasSize(1);
        assertThat(eventsOf(InboxEvent.ConversationReopened.class)).singleElement()
                .satisfies(event -> assertThat(event.byActivity()).isFalse());
    }

    @Test
    @DisplayName("F2 closing twice or reopening an open conversation changes nothing")
    void idempotentStateChanges() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        kit.conversations().reopen(account, id);
        kit.conversations().close(account, id);
        kit.conversations().close(account, id);

        assertThat(kit.inbox().counters(account).closedConversations()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).openConversations()).isZero();
        assertThat(eventsOf(InboxEvent.ConversationClosed.class)).hasSize(1);
    }

    @Test
    @DisplayName("F3 an outbound message reopens a closed conversation and never raises unread")
    void outboundReopensWithoutUnread() {
        ReceivedMessage inbound = receive(phone(1), "hello");
        kit.conversations().markRead(account, idOf(inbound));
        kit.conversations().close(account, idOf(inbound));
        advance(Duration.ofMinutes(1));

        Message reply = send(phone(1), "Hi, how can we help?");

        Conversation after = kit.conversations().get(account, idOf(inbound));
        assertThat(reply.conversationId()).isEqualTo(idOf(inbound));
        assertThat(reply.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(reply.read()).isTrue();
        assertThat(after.state()).isEqualTo(ConversationState.OPEN);
        assertThat(after.unreadCount()).isZero();
        assertThat(after.lastActivityAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(after.lastMessagePreview()).isEqualTo("Hi, how can we help?");
        assertThat(badge()).isZero();
    }

    @Test
    @DisplayName("F4 starting a message to a number resumes its thread, else starts one")
    void startOrResume() {
        ConversationId existing = idOf(receive(phone(1), "hello"));

        assertThat(kit.conversations().startOrResume(account, "06 10 00 00 01").id()).isEqualTo(existing);
        Conversation started = kit.conversations().startOrResume(account, phone(2));
        assertThat(started.id()).isNotEqualTo(existing);
        assertThat(kit.conversations().findByPhone(account, phone(2))).contains(started);
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(2);
    }

    @Test
    @DisplayName("F19 F27 outbound messages keep status, sender ID, broadcast label and schedule")
    void outboundAttributes() {
        Instant due = START.plus(Duration.ofDays(1));
        Message scheduled = kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(phoneNumber(5)).text("Rappel : rendez-vous demain").status(MessageStatus.SCHEDULED)
                .senderId("CLINIQUE").broadcastLabel("rappels-novembre").scheduledFor(due).build());

        Message stored = kit.conversations().messages(account, scheduled.conversationId(), 5).get(0);
        assertThat(stored).isEqualTo(scheduled);
        assertThat(stored.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(stored.senderId()).contains("CLINIQUE");
        assertThat(stored.broadcastLabel()).contains("rappels-novembre");
        assertThat(stored.scheduledFor()).contains(due);
    }

    @Test
    @DisplayName("F18 recording an outbound message to an opted-out number is refused and nothing is stored")
    void outboundToOptedOutRefused() {
        ConversationId id = idOf(receive(phone(1), "STOP"));
        events.clear();

        assertThatThrownBy(() -> send(phone(1), "Promo!"))
                .isInstanceOf(ContactOptedOutException.class)
                .hasMessageNotContaining(phone(1));
        assertThat(kit.conversations().messages(account, id, 10)).hasSize(1);
        assertThat(events).isEmpty();

        kit.contacts().resubscribe(account, phoneNumber(1), alice);
        assertThat(send(phone(1), "Welcome back").conversationId()).isEqualTo(id);
    }

    @Test
    @DisplayName("F20 an outbound message with an inbound status, or by a stranger, is refused")
    void outboundValidation() {
        assertThatThrownBy(() -> kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(phoneNumber(1)).text("x").status(MessageStatus.RECEIVED).build()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(phoneNumber(1)).text("x").author(UserId.of("stranger")).build()))
                .isInstanceOf(NoSuchUserException.class);
        assertThatThrownBy(() -> kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(phoneNumber(1)).build()))
                .isInstanceOf(InvalidValueException.class);
        assertThat(kit.inbox().counters(account).openConversations()).isZero();
    }

    @Test
    @DisplayName("F20 messages come oldest first, with paging backwards by sequence")
    void messagesInOrder() {
        ConversationId id = idOf(receive(phone(1), "m1"));
        for (int i = 2; i <= 5; i++) {
            if (i % 2 == 0) {
                send(phone(1), "m" + i);
            } else {
                receive(phone(1), "m" + i);
            }
        }
        List<Message> newest = kit.conversations().messages(account, id, 3);
        assertThat(newest).extracting(Message::text).containsExactly("m3", "m4", "m5");
        List<Message> older = kit.conversations().messagesBefore(account, id, newest.get(0).sequence(), 3);
        assertThat(older).extracting(Message::text).containsExactly("m1", "m2");
    }

    @Test
    @DisplayName("F15 search within a conversation finds reference numbers and email addresses, as plain text")
    void searchWithinConversation() {
        ConversationId id = idOf(receive(phone(1), "My order is REF-2026-0042"));
        send(phone(1), "Please write to support@example.com");
        receive(phone(1), "Thanks 100% sure");
        receive(phone(2), "REF-2026-0042 too");

        assertThat(kit.conversations().search(account, id, "ref-2026-0042"))
                .extracting(Message::text).containsExactly("My order is REF-2026-0042");
        assertThat(kit.conversations().search(account, id, "SUPPORT@EXAMPLE.COM")).hasSize(1);
        assertThat(kit.conversations().search(account, id, "100%")).hasSize(1);
        assertThat(kit.conversations().search(account, id, "_")).isEmpty();
        assertThat(kit.conversations().search(account, id, "%")).hasSize(1);
    }

    @Test
    @DisplayName("F1 F4 messages older than the retention window are not shown: the thread starts afresh")
    void messagesWithinWindow() {
        ConversationId id = idOf(receive(phone(1), "old"));
        advance(Duration.ofDays(91));
        receive(phone(1), "new");

        assertThat(kit.conversations().messages(account, id, 10)).extracting(Message::text).containsExactly("new");
        assertThat(kit.conversations().search(account, id, "old")).isEmpty();
    }

    @Test
    @DisplayName("F1 F4 F11 an inbound message after the window starts the thread afresh: unread, badge and preview from the new message only")
    void inboundAfterWindowStartsAfresh() {
        ConversationId id = idOf(receive(phone(1), "old, never read"));
        kit.team().assign(account, id, alice, bob);
        advance(Duration.ofDays(91));

        Conversation resumed = receive(phone(1), "new").conversation();

        assertThat(resumed.id()).isEqualTo(id);
        assertThat(resumed.unreadCount()).isEqualTo(1);
        assertThat(kit.conversations().messages(account, id, 10)).hasSize(1);
        assertThat(resumed.lastMessagePreview()).isEqualTo("new");
        assertThat(resumed.assignee()).isEmpty();
        assertThat(resumed.createdAt()).isEqualTo(START.plus(Duration.ofDays(91)));
        assertThat(badge()).isEqualTo(1);
        kit.conversations().markRead(account, id);
        assertThat(badge()).isZero();
        assertThat(kit.conversations().get(account, id).unreadCount()).isZero();
    }

    @Test
    @DisplayName("F1 F4 F11 an outbound message after the window starts a closed, unread thread afresh: open, nothing unread, exact counters")
    void outboundAfterWindowStartsAfresh() {
        ConversationId id = idOf(receive(phone(1), "old, never read"));
        kit.team().assign(account, id, alice, bob);
        kit.conversations().close(account, id);
        advance(Duration.ofDays(91));

        send(phone(1), "we are back");

        Conversation resumed = kit.conversations().get(account, id);
        assertThat(resumed.state()).isEqualTo(ConversationState.OPEN);
        assertThat(resumed.unreadCount()).isZero();
        assertThat(resumed.assignee()).isEmpty();
        assertThat(resumed.lastMessagePreview()).isEqualTo("we are back");
        assertThat(kit.inbox().counters(account).badge()).isZero();
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).closedConversations()).isZero();
    }

    @Test
    @DisplayName("F4 a thread resumed within the window keeps its state, assignee and unread count")
    void resumeWithinWindowKeepsState() {
        ConversationId id = idOf(receive(phone(1), "first"));
        kit.team().assign(account, id, alice, bob);
        advance(Duration.ofDays(89));

        Conversation resumed = receive(phone(1), "second").conversation();

        assertThat(resumed.unreadCount()).isEqualTo(2);
        assertThat(resumed.assignee()).contains(alice);
        assertThat(badge()).isEqualTo(1);
    }
}
