package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Port of one aggregate of the store: conversations, their listing (F11) and their ownership
 * history (F13) (tables {@code conversations}, {@code assignment_changes} in the SQL stores).
 * Reached through {@link StoreTransaction#conversations()}; every operation is scoped to the
 * transaction's account ({@link StoreTransaction#accountId()}): every read sees only that account's
 * rows and every write goes to that account. An implementation reads and writes only this
 * aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface ConversationRows {

    /**
     * Reads a conversation without locking it.
     *
     * @param id a conversation id
     * @return the conversation of this account with that id
     */
    Optional<Conversation> findConversation(ConversationId id);

    /**
     * Which of many conversation ids are conversations of this account, without locking them: a
     * bulk use case checks its arguments at once.
     *
     * <p>The default calls {@link #findConversation} once per distinct id; a SQL store reads them in
     * one statement.
     *
     * @param ids conversation ids; an id given twice is read once
     * @return those that are conversations of this account
     */
    default Set<ConversationId> existingConversations(Collection<ConversationId> ids) {
        Set<ConversationId> found = new HashSet<>();
        for (ConversationId id : new LinkedHashSet<>(ids)) {
            findConversation(id).ifPresent(conversation -> found.add(id));
        }
        return found;
    }

    /**
     * Reads and locks a conversation until the transaction ends ({@code FOR UPDATE}).
     *
     * @param id a conversation id
     * @return the conversation of this account with that id
     */
    Optional<Conversation> lockConversation(ConversationId id);

    /**
     * Reads and locks the conversation with a contact phone number (F4: one per account and
     * number). When it does not exist, the caller inserts it; a concurrent insert then makes one of
     * the two fail with a {@link StoreConflictException}.
     *
     * @param contactPhone the contact's number
     * @return the conversation of this account with that number
     */
    Optional<Conversation> lockConversationByPhone(PhoneNumber contactPhone);

    /**
     * Reads and locks the conversations with many contact phone numbers at once, as {@link
     * #lockConversationByPhone} does for one (locks are taken in a stable order, so that two
     * transactions locking overlapping batches do not deadlock on each other).
     *
     * <p>The default calls {@link #lockConversationByPhone} once per distinct number; a SQL store
     * overrides it with one statement.
     *
     * @param contactPhones the contacts' numbers
     * @return the conversations found, by number; numbers without a conversation are absent
     */
    default Map<PhoneNumber, Conversation> lockConversationsByPhone(Collection<PhoneNumber> contactPhones) {
        Map<PhoneNumber, Conversation> locked = new LinkedHashMap<>();
        for (PhoneNumber phone : new TreeSet<>(contactPhones)) {
            lockConversationByPhone(phone).ifPresent(conversation -> locked.put(phone, conversation));
        }
        return locked;
    }

    /**
     * Creates a conversation.
     *
     * @param conversation the conversation
     * @throws StoreConflictException if the id or the contact phone number is taken in this account
     */
    void insertConversation(Conversation conversation);

    /**
     * Replaces a conversation's attributes.
     *
     * @param conversation the conversation, locked by this transaction
     */
    void updateConversation(Conversation conversation);

    /**
     * Creates many conversations, as {@link #insertConversation} does for one.
     *
     * <p>The default calls {@link #insertConversation} for each; a SQL store sends one batch.
     *
     * @param conversations the conversations, in order
     * @throws StoreConflictException if an id or a contact phone number is taken in this account
     */
    default void insertConversations(List<Conversation> conversations) {
        conversations.forEach(this::insertConversation);
    }

    /**
     * Replaces many conversations' attributes, as {@link #updateConversation} does for one.
     *
     * <p>The default calls {@link #updateConversation} for each; a SQL store sends one batch.
     *
     * @param conversations the conversations, each locked by this transaction
     */
    default void updateConversations(List<Conversation> conversations) {
        conversations.forEach(this::updateConversation);
    }

    /**
     * Lists a page of conversations; see {@link ConversationListing} for the exact semantics.
     *
     * @param listing what to list
     * @return at most {@code listing.limit()} conversations in listing order
     */
    List<Conversation> listConversations(ConversationListing listing);

    /**
     * Reads and locks this account's snoozed conversations whose wake time has come ({@code
     * snoozedUntil <= now}, F37), earliest wake time first, so that the waker ends their snooze in
     * this transaction. A conversation another transaction holds locked is skipped ({@code FOR UPDATE
     * SKIP LOCKED} on PostgreSQL; waiting for the lock, then reading the row as committed, is
     * correct too), so that several wakers on several nodes wake each conversation once: a row read
     * here is due when it is locked. Suggested index: {@code (account_id, snoozed_until)}.
     *
     * @param now the current time
     * @param limit the most conversations, at least 1
     * @return the due conversations, locked
     */
    List<Conversation> lockDueSnoozes(Instant now, int limit);

    /**
     * Appends an entry to a conversation's ownership history (F13).
     *
     * @param change the change
     */
    void appendAssignmentChange(AssignmentChange change);

    /**
     * @param conversation a conversation
     * @return its ownership history in the order it was appended
     */
    List<AssignmentChange> assignmentHistory(ConversationId conversation);

    /**
     * Deletes a conversation that has no message left; its ownership history stays unless
     * {@link #deleteAssignmentHistory} is called too.
     *
     * @param conversation the conversation, locked by this transaction
     */
    void deleteConversation(ConversationId conversation);

    /**
     * Deletes a conversation's ownership history (F13).
     *
     * @param conversation the conversation
     * @return how many entries were deleted
     */
    int deleteAssignmentHistory(ConversationId conversation);
}
