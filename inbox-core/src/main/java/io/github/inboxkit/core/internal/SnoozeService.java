package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.snooze.ConversationNotOpenException;
import io.github.inboxkit.core.snooze.SnoozeTimeInPastException;
import io.github.inboxkit.core.snooze.SnoozeUntil;
import io.github.inboxkit.core.snooze.Snoozes;
import io.github.inboxkit.core.snooze.WakeReason;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The snooze use cases (F37) and the waker. Snoozing and waking move no counter by themselves: a
 * snoozed conversation stays open and keeps its unread count; only the wake by time marks the
 * conversation unread, through the one path of {@link ConversationService#markUnreadLocked}.
 *
 * <p>Waking once across nodes: the waker claims due conversations with {@link
 * io.github.inboxkit.core.store.ConversationRows#lockDueSnoozes} (on PostgreSQL {@code FOR UPDATE
 * SKIP LOCKED}) and ends their snooze in the same transaction, so a conversation another waker
 * holds is skipped, and one it has woken is no longer due once its lock is released.
 */
final class SnoozeService implements Snoozes {

    /** Accounts one {@link #wakeDue()} call looks up at once. */
    static final int ACCOUNT_BATCH = 500;
    /** Conversations one waking transaction takes. */
    static final int WAKE_BATCH = 200;
    /** Messages one read takes when looking for the latest inbound message. */
    private static final int MESSAGE_BATCH = 100;

    private final UnitOfWork unitOfWork;

    SnoozeService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Conversation snooze(AccountId account, ConversationId conversation, SnoozeUntil until) {
        Require.nonNull(conversation, "conversation");
        return snoozeAll(account, List.of(conversation), until).get(0);
    }

    @Override
    public List<Conversation> snoozeAll(AccountId account, Collection<ConversationId> conversations,
            SnoozeUntil until) {
        Require.nonNull(account, "account");
        Require.nonNull(conversations, "conversations");
        Require.nonNull(until, "until");
        conversations.forEach(id -> Require.nonNull(id, "conversations"));
        LinkedHashSet<ConversationId> ids = new LinkedHashSet<>(conversations);
        Require.argument(!ids.isEmpty() && ids.size() <= MAX_BULK, "conversations",
                "must hold 1 to " + MAX_BULK + " conversation ids");
        return unitOfWork.run(account, step -> {
            step.account();
            Optional<Instant> wakeAt = until.wakeAt().map(ZonedDateTime::toInstant);
            if (wakeAt.isPresent() && !wakeAt.get().isAfter(step.now)) {
                throw new SnoozeTimeInPastException(until.wakeAt().get(), step.now);
            }
            List<Conversation> snoozed = new ArrayList<>(ids.size());
            for (ConversationId id : ids) {
                Conversation locked = ConversationService.lock(step, id);
                if (locked.state() != ConversationState.OPEN) {
                    throw new ConversationNotOpenException(id, locked.state());
                }
                snoozed.add(Conversation.builder().from(locked).snoozed(true).snoozedUntil(wakeAt).build());
                step.publish(new InboxEvent.ConversationSnoozed(account, id, wakeAt, step.now));
            }
            step.tx.conversations().updateConversations(snoozed);
            return List.copyOf(snoozed);
        });
    }

    @Override
    public Conversation unsnooze(AccountId account, ConversationId conversation) {
        Require.nonNull(account, "account");
        Require.nonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> {
            step.account();
            Conversation locked = ConversationService.lock(step, conversation);
            return locked.snoozed() ? wakeLocked(step, locked, WakeReason.UNSNOOZED) : locked;
        });
    }

    @Override
    public int wakeDue() {
        Instant now = unitOfWork.now();
        int woken = 0;
        for (AccountId account : unitOfWork.store().accountsWithDueSnoozes(now, ACCOUNT_BATCH)) {
            int batch;
            do {
                batch = unitOfWork.run(account, step -> {
                    List<Conversation> due = step.tx.conversations().lockDueSnoozes(step.now, WAKE_BATCH);
                    due.forEach(conversation -> wakeLocked(step, conversation, WakeReason.TIME_REACHED));
                    return due.size();
                });
                woken += batch;
            } while (batch == WAKE_BATCH);
        }
        return woken;
    }

    /**
     * Ends a locked conversation's snooze: back in the open tab, with its event; woken by its time,
     * also marked unread for its assignee (its latest inbound message within the window).
     */
    private static Conversation wakeLocked(Step step, Conversation locked, WakeReason reason) {
        Conversation awake = Conversation.builder().from(locked).snoozed(false).snoozedUntil(Optional.empty()).build();
        step.tx.conversations().updateConversation(awake);
        step.publish(new InboxEvent.ConversationWoke(step.tx.accountId(), locked.id(), reason, step.now));
        if (reason == WakeReason.TIME_REACHED) {
            Optional<Message> latest = latestInbound(step, awake);
            if (latest.isPresent() && latest.get().read()) {
                ConversationService.markUnreadLocked(step, awake, latest.get());
                return Conversation.builder().from(awake).unreadCount(awake.unreadCount() + 1).build();
            }
        }
        return awake;
    }

    /** A conversation's newest inbound message within the account's retention window, if any. */
    private static Optional<Message> latestInbound(Step step, Conversation conversation) {
        Instant since = ConversationService.windowStart(step);
        long before = Long.MAX_VALUE;
        while (true) {
            List<Message> newestFirst = step.tx.messages().listMessages(conversation.id(), before, since, MESSAGE_BATCH);
            for (Message message : newestFirst) {
                if (message.direction() == Direction.INBOUND) {
                    return Optional.of(message);
                }
            }
            if (newestFirst.size() < MESSAGE_BATCH) {
                return Optional.empty();
            }
            before = newestFirst.get(newestFirst.size() - 1).sequence();
        }
    }
}
