package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.text.TextPolicy;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Conversations;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import io.github.inboxkit.core.conversation.Note;
import io.github.inboxkit.core.conversation.NoteId;
import io.github.inboxkit.core.conversation.ThreadEntry;
import io.github.inboxkit.core.account.User;
import java.util.Comparator;
import io.github.inboxkit.core.conversation.NotAnInboundMessageException;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import io.github.inboxkit.core.account.UserId;
import java.util.Optional;

/** The use cases of one conversation. */
final class ConversationService implements Conversations {

    static final int MAX_PAGE = 500;
    static final int MAX_SEARCH_RESULTS = 100;

    private final UnitOfWork unitOfWork;
    private final TypingPresence presence;

    ConversationService(UnitOfWork unitOfWork, TypingPresence presence) {
        this.unitOfWork = unitOfWork;
        this.presence = presence;
    }

    @Override
    public Conversation get(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> find(step, conversation));
    }

    @Override
    public Optional<Conversation> findByPhone(AccountId account, String phone) {
        Objects.requireNonNull(phone, "phone");
        return unitOfWork.run(account, step -> step.tx.conversations().lockConversationByPhone(
                PhoneNumber.parse(phone, step.account().settings().defaultRegion())));
    }

    @Override
    public Conversation startOrResume(AccountId account, String phone) {
        Objects.requireNonNull(phone, "phone");
        return unitOfWork.run(account, step ->
                Threads.lockOrStart(step, PhoneNumber.parse(phone, step.account().settings().defaultRegion())));
    }

    @Override
    public List<Message> messages(AccountId account, ConversationId conversation, int limit) {
        return messagesBefore(account, conversation, Long.MAX_VALUE, limit);
    }

    @Override
    public List<Message> messagesBefore(AccountId account, ConversationId conversation, long beforeSequence, int limit) {
        Require.argument(limit >= 1 && limit <= MAX_PAGE, "limit", "must be between 1 and " + MAX_PAGE);
        return unitOfWork.run(account, step -> {
            find(step, conversation);
            List<Message> newestFirst = new ArrayList<>(
                    step.tx.messages().listMessages(conversation, beforeSequence, windowStart(step), limit));
            Collections.reverse(newestFirst);
            return List.copyOf(newestFirst);
        });
    }

    @Override
    public List<Message> search(AccountId account, ConversationId conversation, String text) {
        String needle = needle(text);
        return unitOfWork.run(account, step -> {
            find(step, conversation);
            return step.tx.messages().searchMessages(conversation, needle, windowStart(step), MAX_SEARCH_RESULTS);
        });
    }

    @Override
    public Message recordOutbound(AccountId account, NewOutboundMessage outbound) {
        Objects.requireNonNull(outbound, "message");
        Require.argument(outbound.status().isOutbound(), "status",
                "must be an outbound status such as QUEUED, SCHEDULED or SENT");
        TextPolicy.requireStorable(outbound.text(), "text");
        outbound.broadcastLabel().ifPresent(label -> TextPolicy.requireStorable(label, "broadcastLabel"));
        Message recorded = unitOfWork.run(account, step -> {
            step.account();
            outbound.author().ifPresent(step::user);
            if (Subscriptions.isOptedOut(step.tx, outbound.to())) {
                throw new ContactOptedOutException(outbound.to());
            }
            Blocklist.requireNotBlocked(step.tx, outbound.to());
            // the one recording path of outbound text, the same as a send's (Step.appendToNumbers)
            Message[] made = new Message[1];
            step.appendToNumbers(List.of(outbound.to()), (index, thread) -> {
                made[0] = Message.builder()
                        .id(MessageId.random())
                        .conversationId(thread.id())
                        .sequence(thread.lastMessageSequence() + 1)
                        .contactPhone(outbound.to())
                        .direction(Direction.OUTBOUND)
                        .text(outbound.text())
                        .media(outbound.media())
                        .senderId(outbound.senderId())
                        .carrierMessageId(outbound.carrierMessageId())
                        .status(outbound.status())
                        .read(true)
                        .author(outbound.author())
                        .broadcastLabel(outbound.broadcastLabel())
                        .scheduledFor(outbound.scheduledFor())
                        .createdAt(step.now)
                        .build();
                return made[0];
            }, index -> step.publish(new InboxEvent.OutboundMessageRecorded(account, made[0].conversationId(),
                    made[0].id(), step.now)));
            Message message = made[0];
            return message;
        });
        // sending ends the author's typing in that conversation (F14)
        Optional<UserId> stopped = outbound.author()
                .filter(author -> presence.stop(account, recorded.conversationId(), author));
        List<InboxEvent> expired = presence.expired();
        if (!expired.isEmpty()) {
            unitOfWork.publish(expired);
        }
        stopped.ifPresent(author -> unitOfWork.publish(List.of(new InboxEvent.TypingStopped(
                account, recorded.conversationId(), author, unitOfWork.now()))));
        return recorded;
    }

    @Override
    public Conversation markRead(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> {
            step.account();
            Conversation locked = lock(step, conversation);
            if (locked.unreadCount() == 0) {
                return locked;
            }
            Conversation read = markReadLocked(step, locked);
            step.publish(new InboxEvent.UnreadCountChanged(account, conversation, 0, step.counters().badge(), step.now));
            return read;
        });
    }

    /** Marks a locked conversation with unread messages read; shared with mark-all-read. */
    static Conversation markReadLocked(Step step, Conversation locked) {
        step.tx.messages().markInboundMessagesRead(locked.id());
        Conversation read = Conversation.builder().from(locked).unreadCount(0).build();
        step.tx.conversations().updateConversation(read);
        step.adjust(0, 0, -1);
        return read;
    }

    @Override
    public Message markUnread(AccountId account, MessageId messageId) {
        Objects.requireNonNull(messageId, "message");
        return unitOfWork.run(account, step -> {
            step.account();
            Message message = findMessage(step, messageId);
            if (message.direction() != Direction.INBOUND) {
                throw new NotAnInboundMessageException(messageId);
            }
            Conversation locked = lock(step, message.conversationId());
            message = findMessage(step, messageId); // read again under the conversation's lock
            if (!message.read()) {
                return message;
            }
            return markUnreadLocked(step, locked, message);
        });
    }

    /**
     * Marks a read inbound message of a locked conversation unread, with the counters and the
     * event; shared with the wake of a snooze (F37).
     *
     * @return the message, unread
     */
    static Message markUnreadLocked(Step step, Conversation locked, Message message) {
        Message unread = Message.builder().from(message).read(false).build();
        step.tx.messages().updateMessage(unread);
        Conversation updated = Conversation.builder().from(locked).unreadCount(locked.unreadCount() + 1).build();
        step.tx.conversations().updateConversation(updated);
        if (locked.unreadCount() == 0) {
            step.adjust(0, 0, 1);
        }
        InboxCounters counters = step.counters();
        step.publish(new InboxEvent.UnreadCountChanged(step.tx.accountId(), updated.id(), updated.unreadCount(),
                counters.badge(), step.now));
        return unread;
    }

    @Override
    public Conversation close(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> {
            step.account();
            return closeLocked(step, lock(step, conversation));
        });
    }

    static Conversation closeLocked(Step step, Conversation locked) {
        if (locked.state() == ConversationState.CLOSED) {
            return locked;
        }
        // closing ends a snooze: only an open conversation is snoozed (F37)
        Conversation closed = Conversation.builder().from(locked).state(ConversationState.CLOSED)
                .snoozed(false).snoozedUntil(Optional.empty()).build();
        step.tx.conversations().updateConversation(closed);
        step.adjust(-1, 1, 0);
        step.publish(new InboxEvent.ConversationClosed(step.tx.accountId(), locked.id(), step.now));
        return closed;
    }

    @Override
    public Conversation reopen(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> {
            step.account();
            Conversation locked = lock(step, conversation);
            if (locked.state() == ConversationState.OPEN) {
                return locked;
            }
            Conversation open = Conversation.builder().from(locked).state(ConversationState.OPEN).build();
            step.tx.conversations().updateConversation(open);
            step.adjust(1, -1, 0);
            step.publish(new InboxEvent.ConversationReopened(account, conversation, false, step.now));
            return open;
        });
    }

    @Override
    public Note addNote(AccountId account, ConversationId conversation, UserId author, String text) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        TextPolicy.requireStorable(text, "text");
        // the note's own check refuses a blank or too long text, before anything is written
        return unitOfWork.run(account, step -> {
            step.account();
            List<User> team = step.tx.team().listUsers();
            if (team.stream().noneMatch(user -> user.id().equals(author))) {
                throw new NoSuchUserException(author);
            }
            // under the conversation's lock, so that no message takes the place the note follows;
            // the conversation itself is not written: no unread, badge, order or state moves (F36)
            Conversation locked = lock(step, conversation);
            Note note = Note.builder()
                    .id(NoteId.random())
                    .conversationId(conversation)
                    .afterSequence(locked.lastMessageSequence())
                    .author(author)
                    .text(text)
                    .mentions(Mentions.in(text, team))
                    .createdAt(step.now)
                    .build();
            step.tx.notes().insertNote(note);
            step.publish(new InboxEvent.NoteAdded(account, conversation, note.id(), author, step.now));
            note.mentions().forEach(user -> step.publish(
                    new InboxEvent.NoteMentioned(account, conversation, note.id(), user, author, step.now)));
            return note;
        });
    }

    @Override
    public List<ThreadEntry> thread(AccountId account, ConversationId conversation, int limit) {
        Objects.requireNonNull(conversation, "conversation");
        Require.argument(limit >= 1 && limit <= MAX_PAGE, "limit", "must be between 1 and " + MAX_PAGE);
        return unitOfWork.run(account, step -> {
            find(step, conversation);
            Instant since = windowStart(step);
            List<Message> newestFirst = step.tx.messages().listMessages(conversation, Long.MAX_VALUE, since, limit);
            // a full page starts at its oldest message; a shorter one is the whole thread, with the
            // notes written before its first message
            long from = newestFirst.size() < limit ? 0 : newestFirst.get(newestFirst.size() - 1).sequence();
            List<Note> notes = step.tx.notes().listNotes(conversation, from, since, limit);
            List<ThreadEntry> merged = interleave(newestFirst, notes);
            return List.copyOf(merged.subList(Math.max(0, merged.size() - limit), merged.size()));
        });
    }

    /** Messages (newest first) and notes (thread order) as one thread, oldest first. */
    private static List<ThreadEntry> interleave(List<Message> newestFirst, List<Note> notes) {
        List<ThreadEntry> merged = new ArrayList<>(newestFirst.size() + notes.size());
        int next = 0;
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Message message = newestFirst.get(i);
            while (next < notes.size() && notes.get(next).afterSequence() < message.sequence()) {
                merged.add(new ThreadEntry.NoteEntry(notes.get(next++)));
            }
            merged.add(new ThreadEntry.MessageEntry(message));
        }
        while (next < notes.size()) {
            merged.add(new ThreadEntry.NoteEntry(notes.get(next++)));
        }
        return merged;
    }

    @Override
    public List<ThreadEntry> searchThread(AccountId account, ConversationId conversation, String text) {
        String needle = needle(text);
        return unitOfWork.run(account, step -> {
            find(step, conversation);
            Instant since = windowStart(step);
            List<ThreadEntry> found = new ArrayList<>();
            step.tx.messages().searchMessages(conversation, needle, since, MAX_SEARCH_RESULTS)
                    .forEach(message -> found.add(new ThreadEntry.MessageEntry(message)));
            step.tx.notes().searchNotes(conversation, needle, since, MAX_SEARCH_RESULTS)
                    .forEach(note -> found.add(new ThreadEntry.NoteEntry(note)));
            found.sort(Comparator.comparing(ThreadEntry::createdAt).reversed());
            return List.copyOf(found);
        });
    }

    /** The text to search for, as a store matches it: stripped and lower-cased. */
    private static String needle(String text) {
        Objects.requireNonNull(text, "text");
        TextPolicy.requireStorable(text, "text");
        String needle = text.strip().toLowerCase(Locale.ROOT);
        Require.argument(!needle.isEmpty() && needle.length() <= 200, "text", "must be 1 to 200 characters");
        return needle;
    }

    static Instant windowStart(Step step) {
        Account account = step.account();
        return step.now.minus(account.settings().retentionWindow());
    }

    static Conversation find(Step step, ConversationId id) {
        step.account();
        return step.tx.conversations().findConversation(id).orElseThrow(() -> new NoSuchConversationException(id));
    }

    static Conversation lock(Step step, ConversationId id) {
        return step.tx.conversations().lockConversation(id).orElseThrow(() -> new NoSuchConversationException(id));
    }

    private static Message findMessage(Step step, MessageId id) {
        return step.tx.messages().findMessage(id).orElseThrow(() -> new NoSuchMessageException(id));
    }
}
