package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NotAnInboundMessageException;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: read state, counters, mark all read and close all read (F6, F11, F20). */
public abstract class ReadStateContract extends StoreContractSupport {

    @Test
    @DisplayName("F11 marking a conversation read zeroes its unread count and lowers the badge")
    void markRead() {
        ConversationId id = idOf(receive(phone(1), "a"));
        receive(phone(1), "b");
        receive(phone(2), "c");

        Conversation read = kit.conversations().markRead(account, id);

        assertThat(read.unreadCount()).isZero();
        assertThat(kit.conversations().messages(account, id, 10)).allMatch(Message::read);
        assertThat(badge()).isEqualTo(1);
        assertThat(eventsOf(InboxEvent.UnreadCountChanged.class)).singleElement()
                .satisfies(event -> assertThat(event.badge()).isEqualTo(1));
    }

    @Test
    @DisplayName("F20 a single inbound message can be marked unread again")
    void markUnread() {
        ReceivedMessage first = receive(phone(1), "a");
        receive(phone(1), "b");
        kit.conversations().markRead(account, idOf(first));

        Message unread = kit.conversations().markUnread(account, first.message().id());

        assertThat(unread.read()).isFalse();
        assertThat(kit.conversations().get(account, idOf(first)).unreadCount()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
        kit.conversations().markUnread(account, first.message().id());
        assertThat(kit.conversations().get(account, idOf(first)).unreadCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("F20 an outbound message has no read state to change")
    void outboundCannotBeUnread() {
        Message sent = send(phone(1), "hello");
        assertThatThrownBy(() -> kit.conversations().markUnread(account, sent.id()))
                .isInstanceOf(NotAnInboundMessageException.class);
        assertThat(badge()).isZero();
    }

    @Test
    @DisplayName("F6 mark all read clears every conversation in both tabs and the badge")
    void markAllRead() {
        receive(phone(1), "a");
        receive(phone(2), "b");
        ConversationId closed = idOf(receive(phone(3), "c"));
        kit.conversations().close(account, closed);

        assertThat(kit.inbox().markAllRead(account)).isEqualTo(3);

        assertThat(badge()).isZero();
        assertThat(kit.conversations().get(account, closed).unreadCount()).isZero();
        assertThat(kit.inbox().markAllRead(account)).isZero();
    }

    @Test
    @DisplayName("F6 mark all read within the current filter leaves the rest unread")
    void markAllReadWithinFilter() {
        ConversationId mine = idOf(receive(phone(1), "a"));
        ConversationId other = idOf(receive(phone(2), "b"));
        kit.team().assign(account, mine, alice, alice);

        int marked = kit.inbox().markAllRead(account,
                InboxQuery.builder().assignment(AssignmentFilter.assignedTo(alice)).build());

        assertThat(marked).isEqualTo(1);
        assertThat(kit.conversations().get(account, mine).unreadCount()).isZero();
        assertThat(kit.conversations().get(account, other).unreadCount()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
    }

    @Test
    @DisplayName("F6 close all read closes every open conversation without unread messages")
    void closeAllRead() {
        ConversationId unread = idOf(receive(phone(1), "a"));
        ConversationId read = idOf(receive(phone(2), "b"));
        kit.conversations().markRead(account, read);
        send(phone(3), "outbound only");

        assertThat(kit.inbox().closeAllRead(account)).isEqualTo(2);

        assertThat(kit.conversations().get(account, unread).state()).isEqualTo(ConversationState.OPEN);
        assertThat(kit.conversations().get(account, read).state()).isEqualTo(ConversationState.CLOSED);
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).closedConversations()).isEqualTo(2);
    }

    @Test
    @DisplayName("F11 the badge counts conversations, not messages")
    void badgeCountsConversations() {
        for (int i = 0; i < 5; i++) {
            receive(phone(1), "again " + i);
        }
        advance(java.time.Duration.ofSeconds(1));
        receive(phone(2), "once");
        assertThat(badge()).isEqualTo(2);
        assertThat(kit.inbox().list(account, InboxQuery.openTab()).rows())
                .extracting(row -> row.unreadCount()).containsExactly(1, 5);
    }
}
