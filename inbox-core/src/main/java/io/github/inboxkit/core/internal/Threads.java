package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/** The rules of a thread that several use cases share: one per number, appending, reopening. */
final class Threads {

    static final int PREVIEW_LENGTH = 160;

    private Threads() {}

    /**
     * Locks the thread with a number, or starts it (F4); a concurrent start makes one retry.
     *
     * <p>A thread whose last activity is older than the account's retention window is resumed only
     * in name (one row per number): it starts afresh, as a new thread would. Its messages from
     * before are outside the window (not listed, not searched, purged by retention), so the thread
     * keeps nothing that depends on them: its inbound messages are marked read and its unread count
     * and the badge drop accordingly, it is OPEN, unassigned, with an empty preview, and its
     * creation and activity times are now. Its ownership and subscription histories stay as they
     * were: they record what happened, and opt-out state belongs to the number, not the thread.
     */
    static Conversation lockOrStart(Step step, PhoneNumber phone) {
        Optional<Conversation> existing = step.tx.lockConversationByPhone(phone);
        if (existing.isPresent()) {
            Conversation thread = existing.get();
            return thread.lastActivityAt().isBefore(ConversationService.windowStart(step))
                    ? startAfresh(step, thread)
                    : thread;
        }
        return start(step, phone);
    }

    /**
     * Locks or starts the threads of many numbers at once, by exactly the rules of {@link
     * #lockOrStart} for each, with one lock statement, one insert of the started threads and one
     * update of the threads started afresh (a broadcast's batch, F19).
     *
     * @return the threads by number, in the order of {@code phones}, one per distinct number
     */
    static Map<PhoneNumber, Conversation> lockOrStartAll(Step step, List<PhoneNumber> phones) {
        Map<PhoneNumber, Conversation> existing = step.tx.lockConversationsByPhone(phones);
        Instant windowStart = existing.isEmpty() ? null : ConversationService.windowStart(step);
        Map<PhoneNumber, Conversation> threads = new LinkedHashMap<>();
        List<Conversation> started = new ArrayList<>();
        List<Conversation> refreshed = new ArrayList<>();
        for (PhoneNumber phone : phones) {
            if (threads.containsKey(phone)) {
                continue;
            }
            Conversation found = existing.get(phone);
            Conversation thread;
            if (found == null) {
                thread = newThread(step, phone);
                started.add(thread);
            } else if (found.lastActivityAt().isBefore(windowStart)) {
                thread = refreshed(step, found);
                refreshed.add(thread);
            } else {
                thread = found;
            }
            threads.put(phone, thread);
        }
        if (!refreshed.isEmpty()) {
            step.tx.updateConversations(refreshed);
        }
        if (!started.isEmpty()) {
            step.tx.insertConversations(started);
        }
        return threads;
    }

    private static Conversation startAfresh(Step step, Conversation stale) {
        Conversation fresh = refreshed(step, stale);
        step.tx.updateConversation(fresh);
        return fresh;
    }

    /** The stale thread started afresh, its counters adjusted and its unread messages marked read; not saved. */
    private static Conversation refreshed(Step step, Conversation stale) {
        if (stale.unreadCount() > 0) {
            step.tx.markInboundMessagesRead(stale.id());
            step.adjust(0, 0, -1);
        }
        if (stale.state() == ConversationState.CLOSED) {
            step.adjust(1, -1, 0);
        }
        Conversation fresh = Conversation.builder().from(stale)
                .state(ConversationState.OPEN)
                .assignee(Optional.empty())
                .unreadCount(0)
                .lastActivityAt(step.now)
                .lastMessagePreview("")
                .createdAt(step.now)
                .build();
        return fresh;
    }

    private static Conversation start(Step step, PhoneNumber phone) {
        Conversation started = newThread(step, phone);
        step.tx.insertConversation(started);
        return started;
    }

    /** A new thread with the number, counted as open; not saved. */
    private static Conversation newThread(Step step, PhoneNumber phone) {
        Conversation started = Conversation.builder()
                .id(ConversationId.random())
                .contactPhone(phone)
                .state(ConversationState.OPEN)
                .unreadCount(0)
                .lastActivityAt(step.now)
                .lastMessagePreview("")
                .lastMessageSequence(0)
                .createdAt(step.now)
                .build();
        step.adjust(1, 0, 0);
        return started;
    }

    /**
     * Appends a message to a locked conversation: activity time and preview, reopening (F3) and,
     * for an unread inbound message, the unread counters (F11).
     */
    static Conversation append(Step step, Conversation conversation, Message message) {
        step.tx.insertMessage(message);
        Conversation result = appended(step, conversation, message);
        step.tx.updateConversation(result);
        return result;
    }

    /**
     * Appends one message to each of many locked conversations, by exactly the rules of {@link
     * #append} for each, with one insert of the messages and one update of the conversations.
     * {@code afterEach} is called with each message's index once that message's thread events were
     * collected, so that the caller's events for it follow them as they would one at a time.
     *
     * @return the conversations after their messages, in the order given
     * @throws IllegalArgumentException if the lists differ in size or a conversation comes twice
     */
    static List<Conversation> appendAll(Step step, List<Conversation> conversations, List<Message> messages,
            IntConsumer afterEach) {
        if (conversations.size() != messages.size()
                || conversations.stream().map(Conversation::id).distinct().count() != conversations.size()) {
            throw new IllegalArgumentException("one message per distinct conversation expected");
        }
        if (messages.isEmpty()) {
            return List.of();
        }
        step.tx.insertMessages(messages);
        List<Conversation> results = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            results.add(appended(step, conversations.get(i), messages.get(i)));
            afterEach.accept(i);
        }
        step.tx.updateConversations(results);
        return List.copyOf(results);
    }

    /** The conversation after the message, its counters adjusted and reopening announced; not saved. */
    private static Conversation appended(Step step, Conversation conversation, Message message) {
        Instant activity = message.createdAt().isAfter(conversation.lastActivityAt())
                ? message.createdAt()
                : conversation.lastActivityAt();
        var updated = Conversation.builder().from(conversation)
                .lastActivityAt(activity)
                .lastMessagePreview(preview(message.text(), message.media()))
                .lastMessageSequence(message.sequence());
        if (conversation.state() == ConversationState.CLOSED) {
            updated.state(ConversationState.OPEN);
            step.adjust(1, -1, 0);
            step.publish(new InboxEvent.ConversationReopened(step.tx.accountId(), conversation.id(), true, step.now));
        }
        if (message.direction() == Direction.INBOUND && !message.read()) {
            updated.unreadCount(conversation.unreadCount() + 1);
            if (conversation.unreadCount() == 0) {
                step.adjust(0, 0, 1);
            }
        }
        return updated.build();
    }

    static String preview(String text, List<MediaReference> media) {
        if (text.isEmpty()) {
            return media.stream().anyMatch(m -> m.mimeType().startsWith("image/")) ? "[image]" : "[attachment]";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= PREVIEW_LENGTH) {
            return flat;
        }
        int end = PREVIEW_LENGTH;
        if (Character.isLowSurrogate(flat.charAt(end))) {
            end--; // never cut a surrogate pair in half
        }
        return flat.substring(0, end);
    }
}
