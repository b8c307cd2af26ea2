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
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import io.github.inboxkit.core.snooze.WakeReason;
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
        Optional<Conversation> existing = step.tx.conversations().lockConversationByPhone(phone);
        if (existing.isPresent()) {
            Conversation thread = existing.get();
            return thread.lastActivityAt().isBefore(ConversationService.windowStart(step))
                    ? startAfresh(step, thread)
                    : thread;
        }
        return start(step, phone);
    }

    private static Conversation startAfresh(Step step, Conversation stale) {
        Conversation fresh = refreshed(step, stale);
        step.tx.conversations().updateConversation(fresh);
        return fresh;
    }

    /** The stale thread started afresh, its counters adjusted and its unread messages marked read; not saved. */
    private static Conversation refreshed(Step step, Conversation stale) {
        if (stale.unreadCount() > 0) {
            step.tx.messages().markInboundMessagesRead(stale.id());
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
        step.tx.conversations().insertConversation(started);
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
        step.tx.messages().insertMessage(message);
        Conversation result = appended(step, conversation, message);
        step.tx.conversations().updateConversation(result);
        return result;
    }

    /**
     * Appends one message to the thread of each of many numbers, by exactly the rules of {@link
     * #lockOrStart} and {@link #append} for each, with one lock statement and one write per table:
     * the started threads are inserted as they are after their message (never inserted, then
     * updated), the resumed ones updated once, the messages inserted in one batch (a broadcast's
     * batch, F19). {@code afterEach} is called with each number's index once its thread events were
     * collected, so that the caller's events for it follow them as they would one at a time.
     *
     * @param phones the numbers, each once
     * @param messageFor the message for a thread, with the thread's next sequence
     * @return the threads after their messages, in the order of {@code phones}
     * @throws IllegalArgumentException if a number comes twice
     */
    static List<Conversation> appendToNumbers(Step step, List<PhoneNumber> phones,
            Step.MessageFor messageFor, IntConsumer afterEach) {
        if (phones.stream().distinct().count() != phones.size()) {
            throw new IllegalArgumentException("one message per distinct number expected");
        }
        if (phones.isEmpty()) {
            return List.of();
        }
        Map<PhoneNumber, Conversation> existing = step.tx.conversations().lockConversationsByPhone(phones);
        Instant windowStart = existing.isEmpty() ? null : ConversationService.windowStart(step);
        List<Conversation> started = new ArrayList<>();
        List<Conversation> resumed = new ArrayList<>();
        List<Message> messages = new ArrayList<>(phones.size());
        List<Conversation> results = new ArrayList<>(phones.size());
        for (int i = 0; i < phones.size(); i++) {
            PhoneNumber phone = phones.get(i);
            Conversation found = existing.get(phone);
            Conversation thread = found == null ? newThread(step, phone)
                    : found.lastActivityAt().isBefore(windowStart) ? refreshed(step, found)
                    : found;
            Message message = messageFor.message(i, thread);
            Conversation result = appended(step, thread, message);
            afterEach.accept(i);
            messages.add(message);
            results.add(result);
            (found == null ? started : resumed).add(result);
        }
        step.tx.conversations().insertConversations(started);
        step.tx.conversations().updateConversations(resumed);
        step.tx.messages().insertMessages(messages);
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
        if (message.direction() == Direction.INBOUND && conversation.snoozed()) {
            // the contact's message wakes a snoozed thread at once, whatever its wake time (F37)
            updated.snoozed(false).snoozedUntil(Optional.empty());
            step.publish(new InboxEvent.ConversationWoke(step.tx.accountId(), conversation.id(),
                    WakeReason.CONTACT_REPLIED, step.now));
        }
        if (message.direction() == Direction.INBOUND && !message.read()) {
            updated.unreadCount(conversation.unreadCount() + 1);
            if (conversation.unreadCount() == 0) {
                step.adjust(0, 0, 1);
            }
        }
        return updated.build();
    }

    /** Runs of whitespace, one space in a preview: compiled once, for every message. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Whether {@link #WHITESPACE} would leave a text as it is: no whitespace but single spaces (the
     * usual text; the pattern's pass costs more than this scan).
     */
    static boolean isFlat(String text) {
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\t' && c <= '\r' || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    static String preview(String text, List<MediaReference> media) {
        if (text.isEmpty()) {
            return media.stream().anyMatch(m -> m.mimeType().startsWith("image/")) ? "[image]" : "[attachment]";
        }
        String stripped = text.strip();
        String flat = isFlat(stripped) ? stripped : WHITESPACE.matcher(stripped).replaceAll(" ");
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
