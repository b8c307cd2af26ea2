package io.github.inboxkit.core.snooze;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import java.util.Collection;
import java.util.List;

/**
 * Snooze (F37): an open conversation leaves the open tab until a time or until the contact
 * replies, and wakes back into it.
 *
 * <p>A snoozed conversation stays open: it counts in {@code InboxCounters.openConversations()} and,
 * while it has unread messages, in the badge, so that snoozing and waking never move a counter by
 * themselves. The inbox lists it in the snoozed view ({@code InboxQuery.snoozedView()}) and not in the
 * open tab ({@code InboxQuery.openTab()}). It wakes:
 *
 * <ul>
 *   <li>at its wake time, through {@link #wakeDue()}: back in the open tab, and marked unread for
 *       its assignee (its latest inbound message within the retention window is marked unread, as
 *       {@code Conversations.markUnread} does, moving the unread count and the badge);
 *   <li>at once when the contact sends a message, whatever its wake time;
 *   <li>when a user calls {@link #unsnooze}.
 * </ul>
 *
 * Closing a snoozed conversation ends its snooze. Sending to a snoozed conversation leaves it
 * snoozed. Each wake publishes {@code InboxEvent.ConversationWoke} after its commit; each snooze
 * {@code InboxEvent.ConversationSnoozed}.
 *
 * <p>Thread-safe.
 */
public interface Snoozes {

    /** The most conversations one {@link #snoozeAll} call takes. */
    int MAX_BULK = 500;

    /**
     * Snoozes an open conversation, or changes the end of its snooze.
     *
     * @param account the account
     * @param conversation the conversation
     * @param until until when
     * @return the conversation, snoozed
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if the account has no
     *     such conversation
     * @throws ConversationNotOpenException if the conversation is closed
     * @throws SnoozeTimeInPastException if the wake time is not after the engine clock's now
     */
    Conversation snooze(AccountId account, ConversationId conversation, SnoozeUntil until);

    /**
     * Snoozes many open conversations in one transaction (bulk snooze): all of them, or, if one is
     * refused, none.
     *
     * @param account the account
     * @param conversations the conversations, 1 to {@link #MAX_BULK} (a repeated id counts once)
     * @param until until when
     * @return the conversations, snoozed, in the order given
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws io.github.inboxkit.core.InvalidValueException if no conversation or more than {@link
     *     #MAX_BULK} are given (field {@code "conversations"})
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if the account has
     *     no conversation with one of the ids
     * @throws ConversationNotOpenException if one of them is closed
     * @throws SnoozeTimeInPastException if the wake time is not after the engine clock's now
     */
    List<Conversation> snoozeAll(AccountId account, Collection<ConversationId> conversations, SnoozeUntil until);

    /**
     * Ends a conversation's snooze now, without marking it unread; does nothing to a conversation
     * that is not snoozed.
     *
     * @param account the account
     * @param conversation the conversation
     * @return the conversation, awake
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if the account has no
     *     such conversation
     */
    Conversation unsnooze(AccountId account, ConversationId conversation);

    /**
     * Wakes every conversation whose wake time has come, in every account of the store: the engine
     * clock's now is at or after it. A host calls it periodically (every minute, say), on as many
     * nodes as it likes: each due snooze wakes exactly once, in the transaction that claims it, with
     * one {@code InboxEvent.ConversationWoke} after its commit.
     *
     * @return how many conversations this call woke
     * @throws io.github.inboxkit.core.store.StoreException if the store failed; what was woken before
     *     stays woken
     */
    int wakeDue();
}
