package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.Inbox;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.SearchTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The inbox screen's use cases. */
final class InboxService implements Inbox {

    /** Page size used when a bulk action walks through every matching conversation. */
    private static final int BULK_PAGE = 500;

    private final UnitOfWork unitOfWork;

    InboxService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public InboxPage list(AccountId account, InboxQuery query) {
        Objects.requireNonNull(query, "query");
        return unitOfWork.run(account, step -> {
            ConversationListing listing = ConversationListing.builder()
                    .state(query.tab())
                    .assignment(query.assignment())
                    .readFilter(query.readFilter())
                    .search(SearchTerms.of(query.search()))
                    .activeSince(ConversationService.windowStart(step))
                    .after(query.after())
                    .limit(query.limit() + 1)
                    .build();
            List<Conversation> found = step.tx.listConversations(listing);
            boolean more = found.size() > query.limit();
            List<Conversation> page = more ? found.subList(0, query.limit()) : found;
            Map<PhoneNumber, Contact> contacts = step.tx.findContactsByPhone(
                    page.stream().map(Conversation::contactPhone).toList());
            Map<UserId, Optional<User>> users = new HashMap<>();
            List<InboxRow> rows = new ArrayList<>(page.size());
            for (Conversation conversation : page) {
                Optional<User> assignee = conversation.assignee()
                        .flatMap(id -> users.computeIfAbsent(id, step.tx::findUser));
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
                        .build());
            }
            Optional<InboxCursor> next = more
                    ? Optional.of(cursorOf(page.get(page.size() - 1)))
                    : Optional.empty();
            return InboxPage.builder().rows(rows).counters(step.tx.counters()).next(next).build();
        });
    }

    @Override
    public InboxCounters counters(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx.counters();
        });
    }

    @Override
    public int markAllRead(AccountId account) {
        return unitOfWork.run(account, step -> {
            step.account();
            List<ConversationId> ids = new ArrayList<>();
            for (ConversationState tab : ConversationState.values()) {
                ids.addAll(collect(step, tab, AssignmentFilter.all(), Optional.empty(), ReadFilter.UNREAD, Instant.EPOCH));
            }
            return markRead(step, ids);
        });
    }

    @Override
    public int markAllRead(AccountId account, InboxQuery filter) {
        Objects.requireNonNull(filter, "filter");
        return unitOfWork.run(account, step -> {
            List<ConversationId> ids = collect(step, filter.tab(), filter.assignment(),
                    SearchTerms.of(filter.search()), ReadFilter.UNREAD, ConversationService.windowStart(step));
            return markRead(step, ids);
        });
    }

    private static int markRead(Step step, List<ConversationId> ids) {
        List<ConversationId> changed = new ArrayList<>();
        for (ConversationId id : ids) {
            Optional<Conversation> locked = step.tx.lockConversation(id);
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
            for (ConversationId id : collect(step, ConversationState.OPEN, AssignmentFilter.all(),
                    Optional.empty(), ReadFilter.READ, Instant.EPOCH)) {
                Optional<Conversation> locked = step.tx.lockConversation(id);
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
    private static List<ConversationId> collect(Step step, ConversationState tab, AssignmentFilter assignment,
            Optional<SearchTerm> search, ReadFilter readFilter, Instant since) {
        List<ConversationId> ids = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        while (true) {
            List<Conversation> page = step.tx.listConversations(ConversationListing.builder()
                    .state(tab)
                    .assignment(assignment)
                    .readFilter(readFilter)
                    .search(search)
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
