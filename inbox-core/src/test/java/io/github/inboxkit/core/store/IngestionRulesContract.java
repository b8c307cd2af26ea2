package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: ingestion's rules where a store that appends an inbound message in one step ({@link
 * InboundAppending}) could get them wrong: repeats, reopening, stale threads, and each of them
 * racing itself on real threads, the counters exact after each (F1, F3, F4, F11, F12, F32).
 */
public abstract class IngestionRulesContract extends StoreContractSupport {

    /** Threads used by the concurrent tests; a store module may lower it for a small connection pool. */
    protected int threads() {
        return 8;
    }

    private <T> List<T> runConcurrently(int tasks, java.util.function.IntFunction<T> task) throws Exception {
        return RealThreads.run(threads(), tasks, task);
    }

    private InboxCounters counters() {
        return kit.inbox().counters(account);
    }

    @Test
    @DisplayName("F3 F11 F12 an inbound message reopens a closed, read thread: open, unread, badge and events exact")
    void reopensClosedReadThread() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        kit.conversations().markRead(account, id);
        kit.conversations().close(account, id);
        events.clear();

        ReceivedMessage again = receive(phone(1), "still there?");

        assertThat(again.conversation().state()).isEqualTo(ConversationState.OPEN);
        assertThat(again.conversation().unreadCount()).isEqualTo(1);
        assertThat(again.message().sequence()).isEqualTo(2);
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(InboxEvent.ConversationReopened.class,
                event -> assertThat(event.conversation()).isEqualTo(id));
        assertThat(events.get(1)).isInstanceOfSatisfying(InboxEvent.MessageReceived.class, event -> {
            assertThat(event.badge()).isEqualTo(1);
            assertThat(event.conversationUnreadCount()).isEqualTo(1);
        });
        assertThat(kit.conversations().get(account, id)).isEqualTo(again.conversation());
    }

    @Test
    @DisplayName("F3 F11 a closed thread with unread messages reopens without counting it twice in the badge")
    void reopensClosedUnreadThread() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        receive(phone(2), "another thread");
        kit.conversations().close(account, id);

        ReceivedMessage again = receive(phone(1), "still there?");

        assertThat(again.conversation().unreadCount()).isEqualTo(2);
        assertThat(counters()).isEqualTo(new InboxCounters(2, 0, 2));
    }

    @Test
    @DisplayName("F4 F11 a message to an open thread keeps its assignee and creation time and moves its preview and activity")
    void resumesOpenThread() {
        ReceivedMessage first = receive(phone(1), "first");
        kit.team().assign(account, idOf(first), alice, bob);
        advance(Duration.ofMinutes(3));

        ReceivedMessage second = receive(phone(1), "  second\n line ");

        Conversation after = second.conversation();
        assertThat(after.assignee()).contains(alice);
        assertThat(after.createdAt()).isEqualTo(START);
        assertThat(after.lastActivityAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThat(after.lastMessagePreview()).isEqualTo("second line");
        assertThat(after.lastMessageSequence()).isEqualTo(2);
        assertThat(kit.conversations().get(account, idOf(first))).isEqualTo(after);
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
    }

    @Test
    @DisplayName("F32 a repeat returns the first message with its thread as it is now, and changes nothing")
    void repeatReturnsThreadAsItIsNow() {
        ReceivedMessage first = receive(account, phone(1), "one", "rep-1");
        receive(account, phone(1), "two", "rep-2");
        kit.conversations().close(account, idOf(first));
        events.clear();

        ReceivedMessage repeat = receive(account, phone(1), "one", "rep-1");

        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.message()).isEqualTo(first.message());
        assertThat(repeat.conversation()).isEqualTo(kit.conversations().get(account, idOf(first)));
        assertThat(repeat.conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(repeat.conversation().unreadCount()).isEqualTo(2);
        assertThat(counters()).isEqualTo(new InboxCounters(0, 1, 1));
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("F1 F32 a repeat stays a repeat after its thread went stale")
    void repeatAfterWindow() {
        ReceivedMessage first = receive(account, phone(1), "one", "late-repeat");
        advance(Duration.ofDays(91));

        ReceivedMessage repeat = receive(account, phone(1), "one", "late-repeat");

        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.message().id()).isEqualTo(first.message().id());
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
    }

    @Test
    @DisplayName("F1 F3 F11 a stale, closed thread with unread messages starts afresh: counters and events exact")
    void staleClosedUnreadThreadStartsAfresh() {
        ConversationId id = idOf(receive(phone(1), "old"));
        kit.conversations().close(account, id);
        advance(Duration.ofDays(91));
        events.clear();

        ReceivedMessage fresh = receive(phone(1), "new");

        assertThat(fresh.conversation().id()).isEqualTo(id);
        assertThat(fresh.conversation().state()).isEqualTo(ConversationState.OPEN);
        assertThat(fresh.conversation().unreadCount()).isEqualTo(1);
        assertThat(fresh.message().sequence()).isEqualTo(2);
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).singleElement()
                .satisfies(event -> assertThat(event.badge()).isEqualTo(1));
        assertThat(kit.conversations().messages(account, id, 10)).extracting(Message::text).containsExactly("new");
    }

    @Test
    @DisplayName("F4 F11 many threads ingesting into one existing thread: sequences without gaps, unread count and badge exact")
    void oneExistingThreadAtOnce() throws Exception {
        ConversationId id = idOf(receive(phone(3), "first"));
        int messages = threads() * 4;

        List<ReceivedMessage> results = runConcurrently(messages, i -> receive(phone(3), "message " + i));

        assertThat(results).extracting(r -> r.conversation().id()).containsOnly(id);
        List<Message> stored = kit.conversations().messages(account, id, 500);
        assertThat(stored).extracting(Message::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, messages + 1).boxed().toList());
        assertThat(kit.conversations().get(account, id).unreadCount()).isEqualTo(messages + 1);
        assertThat(kit.conversations().get(account, id).lastMessageSequence()).isEqualTo(messages + 1);
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(results).extracting(r -> r.message().sequence()).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("F32 the same carrier message id delivered at once into an existing thread gives one message, counted once")
    void repeatsAtOnceIntoExistingThread() throws Exception {
        ConversationId id = idOf(receive(phone(4), "first"));
        kit.conversations().markRead(account, id);
        events.clear();

        List<ReceivedMessage> results = runConcurrently(threads() * 2,
                i -> receive(account, phone(4), "once", "racing-repeat"));

        assertThat(results).extracting(r -> r.message().id()).containsOnly(results.get(0).message().id());
        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(kit.conversations().messages(account, id, 10)).hasSize(2);
        assertThat(kit.conversations().get(account, id).unreadCount()).isEqualTo(1);
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(1);
    }

    @Test
    @DisplayName("F3 F11 a closed thread receiving on many threads at once reopens once, counters exact")
    void closedThreadAtOnce() throws Exception {
        ConversationId id = idOf(receive(phone(5), "first"));
        kit.conversations().markRead(account, id);
        kit.conversations().close(account, id);
        events.clear();
        int messages = threads() * 3;

        runConcurrently(messages, i -> receive(phone(5), "back " + i));

        Conversation after = kit.conversations().get(account, id);
        assertThat(after.state()).isEqualTo(ConversationState.OPEN);
        assertThat(after.unreadCount()).isEqualTo(messages);
        assertThat(counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(eventsOf(InboxEvent.ConversationReopened.class)).hasSize(1);
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(messages);
    }

    @Test
    @DisplayName("F4 F11 several new numbers, each racing itself: one thread each, counters exact")
    void newNumbersAtOnce() throws Exception {
        int numbers = 4;
        int messages = threads() * 4;

        List<ReceivedMessage> results = runConcurrently(messages, i -> receive(phone(100 + i % numbers), "hi " + i));

        Set<ConversationId> threads = results.stream().map(r -> r.conversation().id()).collect(Collectors.toSet());
        assertThat(threads).hasSize(numbers);
        for (ConversationId id : threads) {
            assertThat(kit.conversations().get(account, id).unreadCount()).isEqualTo(messages / numbers);
        }
        assertThat(counters()).isEqualTo(new InboxCounters(numbers, 0, numbers));
    }

    @Test
    @DisplayName("F11 inbound messages racing a user's close and mark-read of the same thread keep the counters exact")
    void inboundRacingCloseAndRead() throws Exception {
        ConversationId id = idOf(receive(phone(6), "first"));

        runConcurrently(threads() * 4, i -> switch (i % 4) {
            case 0 -> kit.conversations().close(account, id);
            case 1 -> kit.conversations().markRead(account, id);
            default -> receive(phone(6), "m" + i);
        });

        Conversation after = kit.conversations().get(account, id);
        long unread = kit.conversations().messages(account, id, 500).stream().filter(m -> !m.read()).count();
        assertThat(after.unreadCount()).isEqualTo(unread);
        boolean open = after.state() == ConversationState.OPEN;
        assertThat(counters()).isEqualTo(new InboxCounters(open ? 1 : 0, open ? 0 : 1, unread > 0 ? 1 : 0));
    }
}
