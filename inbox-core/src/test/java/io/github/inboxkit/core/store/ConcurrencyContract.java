package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: exact results under concurrent traffic, with real threads (F4, F11, F32). */
public abstract class ConcurrencyContract extends StoreContractSupport {

    /** Threads used by each test; a store module may lower it for a small connection pool. */
    protected int threads() {
        return 8;
    }

    private <T> List<T> runConcurrently(int tasks, java.util.function.IntFunction<T> task) throws Exception {
        return RealThreads.run(threads(), tasks, task);
    }

    @Test
    @DisplayName("F4 F11 many threads ingesting for one new number give one conversation and exact counters")
    void sameNewContact() throws Exception {
        int messages = threads() * 4;
        List<ReceivedMessage> results = runConcurrently(messages, i -> receive(phone(7), "message " + i));

        Set<ConversationId> conversations = results.stream().map(r -> r.conversation().id()).collect(Collectors.toSet());
        assertThat(conversations).hasSize(1);
        ConversationId id = conversations.iterator().next();
        assertThat(kit.conversations().get(account, id).unreadCount()).isEqualTo(messages);
        List<Message> stored = kit.conversations().messages(account, id, 500);
        assertThat(stored).hasSize(messages);
        assertThat(stored).extracting(Message::sequence).doesNotHaveDuplicates();
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(messages);
    }

    @Test
    @DisplayName("F32 the same carrier message id delivered at the same time gives one message")
    void duplicatesAtTheSameTime() throws Exception {
        List<ReceivedMessage> results = runConcurrently(threads() * 2,
                i -> receive(account, phone(8), "hello once", "same-carrier-id"));

        assertThat(results).extracting(r -> r.message().id()).containsOnly(results.get(0).message().id());
        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        ConversationId id = results.get(0).conversation().id();
        assertThat(kit.conversations().messages(account, id, 10)).hasSize(1);
        assertThat(kit.conversations().get(account, id).unreadCount()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(1);
    }

    @Test
    @DisplayName("F11 counters stay exact while messages arrive and users mark conversations read at once")
    void mixedTraffic() throws Exception {
        int contacts = 5;
        List<ConversationId> ids = new ArrayList<>();
        for (int c = 0; c < contacts; c++) {
            ids.add(idOf(receive(phone(c), "first")));
        }
        runConcurrently(threads() * 6, i -> switch (i % 4) {
            case 0, 1 -> receive(phone(i % contacts), "m" + i);
            case 2 -> kit.conversations().markRead(account, ids.get(i % contacts));
            default -> i % 8 == 3 ? kit.conversations().close(account, ids.get(i % contacts))
                    : kit.inbox().markAllRead(account);
        });

        long unreadConversations = 0;
        long open = 0;
        for (ConversationId id : ids) {
            var conversation = kit.conversations().get(account, id);
            long unreadMessages = kit.conversations().messages(account, id, 500).stream()
                    .filter(m -> !m.read()).count();
            assertThat(conversation.unreadCount()).isEqualTo(unreadMessages);
            unreadConversations += conversation.unreadCount() > 0 ? 1 : 0;
            open += conversation.state() == io.github.inboxkit.core.conversation.ConversationState.OPEN ? 1 : 0;
        }
        var counters = kit.inbox().counters(account);
        assertThat(counters.badge()).isEqualTo(unreadConversations);
        assertThat(counters.openConversations()).isEqualTo(open);
        assertThat(counters.closedConversations()).isEqualTo(contacts - open);
        assertThat(kit.inbox().list(account, InboxQuery.builder().limit(500).build()).rows())
                .extracting(InboxRow::unreadCount).allMatch(n -> n >= 0);
    }
}
