package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.ConversationRows;
import io.github.inboxkit.core.store.SearchTerm;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The conversations of one account in memory, with their ownership history: {@link ConversationRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryConversations extends MemoryRows implements ConversationRows {

    /**
     * Conversations by id and by contact phone, and each one's ownership history. Guarded by the
     * account's lock; every write goes through the transaction's undo log.
     */
    static final class Tables {
        final Map<ConversationId, Conversation> conversations = new HashMap<>();
        final Map<PhoneNumber, ConversationId> conversationByPhone = new HashMap<>();
        final Map<ConversationId, List<AssignmentChange>> assignments = new HashMap<>();

    }

    private final Tables tables;

    MemoryConversations(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- conversations -----

    @Override
    public Optional<Conversation> findConversation(ConversationId id) {
        checkOpen();
        return Optional.ofNullable(tables.conversations.get(id));
    }

    @Override
    public Optional<Conversation> lockConversation(ConversationId id) {
        // the account lock, held for the whole transaction, already excludes other writers
        return findConversation(id);
    }

    @Override
    public Optional<Conversation> lockConversationByPhone(PhoneNumber contactPhone) {
        checkOpen();
        return Optional.ofNullable(tables.conversationByPhone.get(contactPhone)).map(tables.conversations::get);
    }

    @Override
    public void insertConversation(Conversation conversation) {
        checkOpen();
        if (tables.conversations.containsKey(conversation.id())
                || tables.conversationByPhone.containsKey(conversation.contactPhone())) {
            throw new StoreConflictException("conversation id or contact phone taken");
        }
        put(tables.conversations, conversation.id(), conversation);
        put(tables.conversationByPhone, conversation.contactPhone(), conversation.id());
        put(tables.assignments, conversation.id(), new ArrayList<>());
    }

    @Override
    public void updateConversation(Conversation conversation) {
        checkOpen();
        Conversation previous = tables.conversations.get(conversation.id());
        requireState(previous != null, "conversation");
        if (!previous.contactPhone().equals(conversation.contactPhone())) {
            throw new IllegalArgumentException("a conversation's contact phone never changes");
        }
        put(tables.conversations, conversation.id(), conversation);
    }

    @Override
    public List<Conversation> listConversations(ConversationListing listing) {
        checkOpen();
        Predicate<Conversation> matches = conversation -> conversation.state() == listing.state()
                && listing.snoozed().map(snoozed -> conversation.snoozed() == snoozed).orElse(true)
                && !conversation.lastActivityAt().isBefore(listing.activeSince())
                && matchesAssignment(conversation, listing.assignment())
                && switch (listing.readFilter()) {
                    case ALL -> true;
                    case UNREAD -> conversation.unreadCount() > 0;
                    case READ -> conversation.unreadCount() == 0;
                }
                && listing.after().map(cursor -> isAfter(conversation, cursor)).orElse(true)
                && listing.label().map(label -> tx.labels().carries(conversation.id(), label)).orElse(true)
                && listing.search().map(term -> matchesSearch(conversation, term, listing.activeSince()))
                        .orElse(true);
        return tables.conversations.values().stream()
                .filter(matches)
                .sorted(LISTING_ORDER)
                .limit(listing.limit())
                .toList();
    }

    @Override
    public List<Conversation> lockDueSnoozes(Instant now, int limit) {
        checkOpen();
        // the account lock, held for the whole transaction, already excludes other wakers
        return tables.conversations.values().stream()
                .filter(conversation -> isDue(conversation, now))
                .sorted(Comparator.comparing((Conversation conversation) -> conversation.snoozedUntil().orElseThrow())
                        .thenComparing(Conversation::id))
                .limit(limit)
                .toList();
    }

    /** Whether a conversation is snoozed with a wake time at or before {@code now} (F37). */
    static boolean isDue(Conversation conversation, Instant now) {
        return conversation.snoozed() && conversation.snoozedUntil().filter(until -> !until.isAfter(now)).isPresent();
    }

    private static final Comparator<Conversation> LISTING_ORDER = Comparator
            .comparing(Conversation::lastActivityAt)
            .thenComparing(Conversation::id)
            .reversed();

    private static boolean isAfter(Conversation conversation, InboxCursor cursor) {
        int byTime = conversation.lastActivityAt().compareTo(cursor.lastActivityAt());
        return byTime < 0 || (byTime == 0 && conversation.id().compareTo(cursor.conversationId()) < 0);
    }

    private static boolean matchesAssignment(Conversation conversation, AssignmentFilter filter) {
        if (filter instanceof AssignmentFilter.Unassigned) {
            return conversation.assignee().isEmpty();
        }
        if (filter instanceof AssignmentFilter.AssignedTo assignedTo) {
            return conversation.assignee().filter(assignedTo.user()::equals).isPresent();
        }
        return true;
    }

    private boolean matchesSearch(Conversation conversation, SearchTerm term, Instant since) {
        boolean byName = tx.contacts().findContactByPhone(conversation.contactPhone())
                .flatMap(Contact::fullName)
                .map(name -> name.toLowerCase(Locale.ROOT).contains(term.text()))
                .orElse(false);
        if (byName) {
            return true;
        }
        String digits = conversation.contactPhone().digits();
        if (term.digitVariants().stream().anyMatch(digits::contains)) {
            return true;
        }
        return !tx.messages().searchMessages(conversation.id(), term.text(), since, 1).isEmpty();
    }
    // ----- assignment -----

    @Override
    public void appendAssignmentChange(AssignmentChange change) {
        checkOpen();
        List<AssignmentChange> history = tables.assignments.get(change.conversationId());
        requireState(history != null, "conversation");
        append(history, change);
    }

    @Override
    public List<AssignmentChange> assignmentHistory(ConversationId conversation) {
        checkOpen();
        return List.copyOf(tables.assignments.getOrDefault(conversation, List.of()));
    }
    @Override
    public void deleteConversation(ConversationId conversation) {
        checkOpen();
        Conversation existing = tables.conversations.get(conversation);
        requireState(existing != null, "conversation");
        if (tx.messages().hasMessages(conversation)) {
            throw new IllegalStateException("a conversation is deleted only once it has no message left");
        }
        // its private notes go with it, as the SQL stores' foreign key deletes them (ON DELETE CASCADE)
        tx.notes().deleteNotes(conversation);
        remove(tables.conversations, conversation);
        remove(tables.conversationByPhone, existing.contactPhone());
        // what the SQL stores' foreign keys do ON DELETE CASCADE: no label refers to it any more
        tx.labels().conversationDeleted(conversation);
    }

    @Override
    public int deleteAssignmentHistory(ConversationId conversation) {
        checkOpen();
        List<AssignmentChange> history = tables.assignments.get(conversation);
        if (history == null) {
            return 0;
        }
        remove(tables.assignments, conversation);
        return history.size();
    }
}
