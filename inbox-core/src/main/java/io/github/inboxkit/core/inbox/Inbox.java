package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.account.AccountId;

/**
 * Use cases of the inbox screen: list conversations, read the counters, mark all read and close
 * all read (F1, F2, F5–F8, F11).
 *
 * <p>Every method is one transaction scoped to the account; thread-safe.
 */
public interface Inbox {

    /**
     * Lists a page of conversations with activity within the retention window (F1), in a tab
     * (F2), filtered by assignee (F5), read state (F7) and search (F8), newest activity first,
     * with the account's counters.
     *
     * <p>Pages are keyset pages that stay stable while messages arrive: a walk through the pages
     * shows the inbox as it was when its first page was read, placing a conversation that gets a
     * message meanwhile where it was then, so that no conversation is skipped or repeated; a
     * conversation started after the first page is left to a fresh first page. See {@link
     * InboxCursor} for the exact rules.
     *
     * @param account the account
     * @param query what to list; pass the previous page's {@code next()} cursor for the next page
     * @return the page
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    InboxPage list(AccountId account, InboxQuery query);

    /**
     * Reads the maintained counters: tab counts and the badge (F11).
     *
     * @param account the account
     * @return the counters
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    InboxCounters counters(AccountId account);

    /**
     * Marks every conversation of the account read, in both tabs and the snoozed view (F6).
     *
     * @param account the account
     * @return how many conversations had unread messages
     */
    int markAllRead(AccountId account);

    /**
     * Marks read every conversation that the filter lists (F6): its tab, assignment, label, search
     * and the snoozed view (F37) apply; its read filter, limit and cursor are ignored.
     *
     * @param account the account
     * @param filter the current filter of the screen
     * @return how many conversations had unread messages
     */
    int markAllRead(AccountId account, InboxQuery filter);

    /**
     * Closes every conversation of the open tab without unread messages (F6); snoozed conversations
     * (F37) are not in the open tab and stay as they are.
     *
     * @param account the account
     * @return how many conversations were closed
     */
    int closeAllRead(AccountId account);
}
