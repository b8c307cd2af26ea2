package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.Require;

/**
 * The maintained counters of an account's inbox (F11): how many conversations are in each tab and
 * how many have at least one unread message (the badge). Stores update them in the transaction of
 * the change that moves them, so reading them costs one row.
 *
 * <p>Immutable and thread-safe.
 *
 * @param openConversations conversations in the open tab
 * @param closedConversations conversations in the closed tab
 * @param unreadConversations conversations with at least one unread message: the badge
 */
public record InboxCounters(long openConversations, long closedConversations, long unreadConversations) {

    /**
     * Checks the counters are not negative.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if a counter is negative
     */
    public InboxCounters {
        Require.argument(openConversations >= 0, "openConversations", "must not be negative");
        Require.argument(closedConversations >= 0, "closedConversations", "must not be negative");
        Require.argument(unreadConversations >= 0, "unreadConversations", "must not be negative");
    }

    /** @return all counters at zero, as for a new account */
    public static InboxCounters zero() {
        return new InboxCounters(0, 0, 0);
    }

    /** @return the badge: conversations with at least one unread message */
    public long badge() {
        return unreadConversations;
    }
}
