package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import java.util.List;

/**
 * Use cases of the team inbox: assignment with ownership history and the live typing indicator
 * (F9, F13, F14). All are gated by the account's plan (F10): without the feature they throw
 * {@link io.github.inboxkit.core.account.FeatureNotInPlanException}. An account that does not
 * exist is refused first, with {@link io.github.inboxkit.core.account.NoSuchAccountException},
 * whatever the plan says.
 *
 * <p>Thread-safe.
 */
public interface Team {

    /**
     * Assigns a conversation to a user and records the change (F9, F13); assigning to the current
     * assignee changes nothing.
     *
     * @param account the account
     * @param conversation the conversation
     * @param assignee the user to assign it to
     * @param by the user making the change
     * @return the conversation
     * @throws io.github.inboxkit.core.account.FeatureNotInPlanException without ASSIGNMENT
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.account.NoSuchUserException if a user is not of the account
     */
    Conversation assign(AccountId account, ConversationId conversation, UserId assignee, UserId by);

    /**
     * Unassigns a conversation and records the change; unassigning an unassigned one changes
     * nothing.
     *
     * @param account the account
     * @param conversation the conversation
     * @param by the user making the change
     * @return the conversation
     * @throws io.github.inboxkit.core.account.FeatureNotInPlanException without ASSIGNMENT
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the user is not of the account
     */
    Conversation unassign(AccountId account, ConversationId conversation, UserId by);

    /**
     * Reads a conversation's ownership history (F13).
     *
     * @param account the account
     * @param conversation the conversation
     * @return every assignment change, oldest first
     * @throws io.github.inboxkit.core.account.FeatureNotInPlanException without OWNERSHIP_HISTORY
     * @throws NoSuchConversationException if the account has no such conversation
     */
    List<AssignmentChange> ownershipHistory(AccountId account, ConversationId conversation);

    /**
     * Notes a keystroke of a user in a conversation (F14). The user counts as typing until the
     * typing timeout passes without another keystroke; the first keystroke publishes a
     * {@code TypingStarted} event.
     *
     * @param account the account
     * @param conversation the conversation
     * @param user the user typing
     * @throws io.github.inboxkit.core.account.FeatureNotInPlanException without TYPING_INDICATOR
     * @throws NoSuchConversationException if the account has no such conversation
     * @throws io.github.inboxkit.core.account.NoSuchUserException if the user is not of the account
     */
    void typing(AccountId account, ConversationId conversation, UserId user);

    /**
     * Notes that a user stopped typing (left the box, sent); publishes {@code TypingStopped} if the
     * user was typing.
     *
     * @param account the account
     * @param conversation the conversation
     * @param user the user
     * @throws io.github.inboxkit.core.account.FeatureNotInPlanException without TYPING_INDICATOR
     */
    void stoppedTyping(AccountId account, ConversationId conversation, UserId user);

    /**
     * Tells who is typing in a conversation now.
     *
     * @param account the account
     * @param conversation the conversation
     * @return the users typing, by id
     * @throws io.github.inboxkit.core.account.FeatureNotInPlanException without TYPING_INDICATOR
     * @throws NoSuchConversationException if the account has no such conversation
     */
    List<UserId> whoIsTyping(AccountId account, ConversationId conversation);

    /**
     * Publishes a {@code TypingStopped} event for every typing indicator, of any account, whose
     * timeout has passed and whose expiry was not noticed yet (F14).
     *
     * <p>InboxKit runs no thread of its own, so an indicator's expiry is noticed when the presence
     * is next touched: a keystroke, a stop, a "who is typing" read or a send anywhere in the engine.
     * Its event is dated at the expiry instant (last keystroke plus the typing timeout), whenever it
     * is published. A host that wants the event promptly even without traffic calls this method from
     * its own scheduler, e.g. every second. It is not gated by the plan: it only reports what
     * gated calls started.
     */
    void sweepTyping();
}
