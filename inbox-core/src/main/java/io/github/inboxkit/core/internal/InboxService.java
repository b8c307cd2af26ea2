package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.Inbox;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxPageReader;
import io.github.inboxkit.core.store.SearchTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The inbox screen's use cases. */
final class InboxService implements Inbox {

    /** Page size used when a bulk action walks through every matching conversation. */
    private static final int BULK_PAGE = 500;
    /** How many messages one read takes when looking for a conversation's activity at a snapshot. */
    private static final int MESSAGE_BATCH = 100;

    private final UnitOfWork unitOfWork;
    /** The store's inbox page read model, or null if it has none: pages are then one transaction. */
    private final InboxPageReader pageReader;

    InboxService(UnitOfWork unitOfWork, InboxPageReader pageReader) {
        this.unitOfWork = unitOfWork;
        this.pageReader = pageReader;
    }

    @Override
    public InboxPage list(AccountId account, InboxQuery query) {
        Objects.requireNonNull(query, "query");
        if (pageReader != null && InboxPages.readableAtOnce(query)) {
            // one read of the store's page read model: listing, contacts, assignees and counters
            return InboxPages.readAtOnce(pageReader, unitOfWork.now(), account, query);
        }
        return unitOfWork.run(account, step -> {
            Instant since = ConversationService.windowStart(step);
            Instant snapshot = query.after().map(InboxCursor::snapshotAt).orElse(step.now);
            ConversationListing listing = InboxPages.listing(query, since);
            List<Placed> found = new ArrayList<>();
            // rows below the cursor have had no activity since the snapshot: their place is current
            step.tx.conversations().listConversations(listing).forEach(c -> found.add(new Placed(c, c.lastActivityAt())));
            if (query.after().isPresent() && query.after().get().snapshot().isPresent()) {
                found.addAll(movedSinceSnapshot(step, listing, query.after().get(), since));
                found.sort(Placed.ORDER);
            }
            boolean more = found.size() > query.limit();
            List<Placed> placedPage = more ? found.subList(0, query.limit()) : found;
            List<Conversation> page = placedPage.stream().map(Placed::conversation).toList();
            Map<PhoneNumber, Contact> contacts = step.tx.contacts().findContactsByPhone(
                    page.stream().map(Conversation::contactPhone).toList());
            Map<UserId, User> users = step.tx.team().findUsers(page.stream().flatMap(c -> c.assignee().stream()).toList());
            List<InboxRow> rows = InboxPages.rows(page, contacts, users);
            Optional<InboxCursor> next = Optional.empty();
            if (more) {
                Placed last = placedPage.get(placedPage.size() - 1);
                next = Optional.of(new InboxCursor(last.at(), last.conversation().id(), snapshot));
            }
            return InboxPage.builder().rows(rows).counters(step.tx.counters().counters()).next(next).build();
        });
    }

    /** A conversation and its place in a walk: its activity at or before the walk's snapshot. */
    private record Placed(Conversation conversation, Instant at) {
        static final Comparator<Placed> ORDER = Comparator.comparing(Placed::at)
                .thenComparing(placed -> placed.conversation().id()).reversed();

        boolean isAfter(InboxCursor cursor) {
            int byTime = at.compareTo(cursor.lastActivityAt());
            return byTime < 0 || (byTime == 0 && conversation.id().compareTo(cursor.conversationId()) < 0);
        }
    }

    /**
     * The conversations with activity after the walk's snapshot (they sit above the cursor in the
     * store's order) whose place at the snapshot is after the cursor: they belong to this page or a
     * later one. They are found from the top of the listing down to the snapshot, so the cost grows
     * with the number of conversations active since the first page, not with the account's size.
     */
    private static List<Placed> movedSinceSnapshot(Step step, ConversationListing listing, InboxCursor cursor,
            Instant since) {
        Instant snapshot = cursor.snapshotAt();
        List<Placed> moved = new ArrayList<>();
        // without a search the store can bound the scan to conversations active since the
        // snapshot; a search must keep the window, since it also matches older message bodies
        Instant scanFrom = listing.search().isPresent() || snapshot.isBefore(since) ? since : snapshot;
        Optional<InboxCursor> after = Optional.empty();
        while (true) {
            List<Conversation> top = step.tx.conversations().listConversations(ConversationListing.builder().from(listing)
                    .activeSince(scanFrom).after(after).limit(BULK_PAGE).build());
            for (Conversation conversation : top) {
                if (!conversation.lastActivityAt().isAfter(snapshot)) {
                    return moved;
                }
                activityAtOrBefore(step, conversation, snapshot, since)
                        .map(at -> new Placed(conversation, at))
                        .filter(placed -> placed.isAfter(cursor))
                        .ifPresent(moved::add);
            }
            if (top.size() < BULK_PAGE) {
                return moved;
            }
            after = Optional.of(cursorOf(top.get(top.size() - 1)));
        }
    }

    /**
     * A conversation's last activity at or before an instant: its last message then, else its
     * creation; empty if it started later or that activity is older than the window.
     */
    private static Optional<Instant> activityAtOrBefore(Step step, Conversation conversation, Instant snapshot,
            Instant since) {
        if (conversation.createdAt().isAfter(snapshot)) {
            return Optional.empty();
        }
        long before = Long.MAX_VALUE;
        while (true) {
            List<Message> newestFirst = step.tx.messages().listMessages(conversation.id(), before, since, MESSAGE_BATCH);
            for (Message message : newestFirst) {
                if (!message.createdAt().isAfter(snapshot)) {
                    return Optional.of(message.createdAt());
                }
            }
            if (newestFirst.size() < MESSAGE_BATCH) {
                return conversation.createdAt().isBefore(since) ? Optional.empty() : Optional.of(conversation.createdAt());
            }
            before = newestFirst.get(newestFirst.size() - 1).sequence();
        }
    }

    @Override
    public InboxCounters counters(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx.counters().counters();
        });
    }

    @Override
    public int markAllRead(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            List<ConversationId> ids = new ArrayList<>();
            for (ConversationState tab : ConversationState.values()) {
                ids.addAll(collect(step, tab, Optional.empty(), AssignmentFilter.all(), Optional.empty(),
                        Optional.empty(), ReadFilter.UNREAD, Instant.EPOCH));
            }
            return markRead(step, ids);
        });
    }

    @Override
    public int markAllRead(AccountId account, InboxQuery filter) {
        Objects.requireNonNull(filter, "filter");
        return unitOfWork.run(account, step -> {
            List<ConversationId> ids = collect(step, filter.tab(), Optional.of(filter.snoozed()), filter.assignment(),
                    SearchTerms.of(filter.search()), filter.label(), ReadFilter.UNREAD,
                    ConversationService.windowStart(step));
            return markRead(step, ids);
        });
    }

    private static int markRead(Step step, List<ConversationId> ids) {
        List<ConversationId> changed = new ArrayList<>();
        for (ConversationId id : ids) {
            Optional<Conversation> locked = step.tx.conversations().lockConversation(id);
            if (locked.isPresent() && locked.get().unreadCount() > 0) {
                ConversationService.markReadLocked(step, locked.get());
                changed.add(id);
            }
        }
        if (!changed.isEmpty()) {
            long badge = step.counters().badge();
            for (ConversationId id : changed) {
                step.publish(new InboxEvent.UnreadCountChanged(step.tx.accountId(), id, 0, badge, step.now));
            }
        }
        return changed.size();
    }

    @Override
    public int closeAllRead(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            int closed = 0;
            // the open tab's: a snoozed conversation stays out of sight until it wakes (F37)
            for (ConversationId id : collect(step, ConversationState.OPEN, Optional.of(false), AssignmentFilter.all(),
                    Optional.empty(), Optional.empty(), ReadFilter.READ, Instant.EPOCH)) {
                Optional<Conversation> locked = step.tx.conversations().lockConversation(id);
                // the listing did not lock: check again now that the row is locked
                if (locked.isPresent() && locked.get().state() == ConversationState.OPEN
                        && locked.get().unreadCount() == 0) {
                    ConversationService.closeLocked(step, locked.get());
                    closed++;
                }
            }
            return closed;
        });
    }

    /** Walks every page of a listing and returns the ids, so that changing them cannot disturb the walk. */
    private static List<ConversationId> collect(Step step, ConversationState tab, Optional<Boolean> snoozed,
            AssignmentFilter assignment, Optional<SearchTerm> search, Optional<LabelId> label, ReadFilter readFilter,
            Instant since) {
        List<ConversationId> ids = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        while (true) {
            List<Conversation> page = step.tx.conversations().listConversations(ConversationListing.builder()
                    .state(tab)
                    .snoozed(snoozed)
                    .assignment(assignment)
                    .readFilter(readFilter)
                    .search(search)
                    .label(label)
                    .activeSince(since)
                    .after(after)
                    .limit(BULK_PAGE)
                    .build());
            page.forEach(conversation -> ids.add(conversation.id()));
            if (page.size() < BULK_PAGE) {
                return ids;
            }
            after = Optional.of(cursorOf(page.get(page.size() - 1)));
        }
    }

    private static InboxCursor cursorOf(Conversation conversation) {
        return new InboxCursor(conversation.lastActivityAt(), conversation.id());
    }
}
