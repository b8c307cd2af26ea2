package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxPageRead;
import io.github.inboxkit.core.store.InboxPageReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every inbox page is made of, and the page read in one read of a store's inbox page read
 * model ({@link InboxPageReader}): a page that places no conversation by a walk's snapshot (a first
 * page, or a page after a cursor without one) is the listing itself, so the store can read it with
 * its contacts, assignees and counters at once, where a transaction takes a round trip for each and
 * one for its commit. Pages of a walk with a snapshot read the conversations active since it too,
 * and stay one transaction ({@link InboxService}).
 */
final class InboxPages {

    private InboxPages() {}

    /**
     * Whether a page can be read in one read: its cursor, if any, places no conversation by a snapshot.
     *
     * @param query the page asked for
     * @return true for a first page or a page after a cursor without a snapshot
     */
    static boolean readableAtOnce(InboxQuery query) {
        return query.after().flatMap(InboxCursor::snapshot).isEmpty();
    }

    /**
     * Reads a page that {@link #readableAtOnce} accepts through the store's read model.
     *
     * @param reader the store's inbox page read model
     * @param now the instant the use case runs at (the snapshot of a first page)
     * @param account the account
     * @param query the page asked for
     * @return the page, with the counters read with it
     * @throws NoSuchAccountException if the account does not exist
     */
    static InboxPage readAtOnce(InboxPageReader reader, Instant now, AccountId account, InboxQuery query) {
        InboxPageRead read = reader.readInboxPage(account,
                        found -> listing(query, now.minus(found.settings().retentionWindow())))
                .orElseThrow(() -> new NoSuchAccountException(account));
        List<Conversation> found = read.conversations();
        boolean more = found.size() > query.limit();
        List<Conversation> page = more ? found.subList(0, query.limit()) : found;
        Optional<InboxCursor> next = Optional.empty();
        if (more) {
            // no conversation was placed by a snapshot: each sits at its current activity
            Conversation last = page.get(page.size() - 1);
            Instant snapshot = query.after().map(InboxCursor::snapshotAt).orElse(now);
            next = Optional.of(new InboxCursor(last.lastActivityAt(), last.id(), snapshot));
        }
        return InboxPage.builder()
                .rows(rows(page, read.contacts(), read.assignees()))
                .counters(read.counters())
                .next(next)
                .build();
    }

    /**
     * The store listing of a page: the query's filters within the retention window, one row more
     * than the page, to know whether another page follows.
     *
     * @param query the page asked for
     * @param since the start of the account's retention window
     * @return the listing
     */
    static ConversationListing listing(InboxQuery query, Instant since) {
        return ConversationListing.builder()
                .state(query.tab())
                .snoozed(query.snoozed())
                .assignment(query.assignment())
                .readFilter(query.readFilter())
                .search(SearchTerms.of(query.search()))
                .label(query.label())
                .activeSince(since)
                .after(query.after())
                .limit(query.limit() + 1)
                .build();
    }

    /**
     * The rows of a page: each conversation with its saved contact's name and its assignee's initials.
     *
     * @param page the page's conversations, in order
     * @param contacts the saved contacts of their numbers
     * @param users their assignees
     * @return the rows, in the page's order
     */
    static List<InboxRow> rows(List<Conversation> page, Map<PhoneNumber, Contact> contacts, Map<UserId, User> users) {
        List<InboxRow> rows = new ArrayList<>(page.size());
        for (Conversation conversation : page) {
            Optional<User> assignee = conversation.assignee().map(users::get);
            rows.add(InboxRow.builder()
                    .conversationId(conversation.id())
                    .contactPhone(conversation.contactPhone())
                    .contactName(Optional.ofNullable(contacts.get(conversation.contactPhone()))
                            .flatMap(Contact::fullName))
                    .preview(conversation.lastMessagePreview())
                    .lastActivityAt(conversation.lastActivityAt())
                    .unreadCount(conversation.unreadCount())
                    .assignee(conversation.assignee())
                    .assigneeInitials(assignee.map(User::initials))
                    .state(conversation.state())
                    .snoozedUntil(conversation.snoozedUntil())
                    .build());
        }
        return rows;
    }
}
