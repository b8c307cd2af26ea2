package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The operations of one transaction, all scoped to {@link #accountId()}: every read sees only that
 * account's rows and every write goes to that account. Operations are fine-grained so that a SQL
 * store implements each with one or two statements on indexes leading with {@code account_id}.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: one transaction belongs to one thread, and only for the duration of {@link
 * InboxStore#inTransaction}.
 */
public interface AccountTransaction {

    /** @return the account every operation is scoped to */
    AccountId accountId();

    // ----- accounts ---------------------------------------------------------------------------

    /** @return the account, if it exists */
    Optional<Account> findAccount();

    /**
     * Creates the account and its counters, all zero.
     *
     * @param account the account; its id equals {@link #accountId()}
     * @throws StoreConflictException if the account exists
     */
    void insertAccount(Account account);

    /**
     * Replaces the account's name and settings.
     *
     * @param account the account; its id equals {@link #accountId()}
     */
    void updateAccount(Account account);

    // ----- receiving numbers (F45) -------------------------------------------------------------

    /**
     * The numbers this account owns: its long codes, short codes and alphanumeric sender IDs in
     * canonical form, through which webhooks are routed to it.
     *
     * @return the numbers, sorted
     */
    List<String> ownedNumbers();

    /**
     * Which account owns a number, whichever it is: the one read of a transaction that looks past
     * its own account, so that a claim can be refused with a clear error before the unique key
     * refuses it. It reveals an owner's id only to the engine, never to a user.
     *
     * @param number a number in canonical form
     * @return the owning account, empty if no account owns it
     */
    Optional<AccountId> numberOwner(String number);

    /**
     * Makes this account the owner of a number. A number belongs to at most one account of the
     * store: a unique key on the number alone guards it, so two transactions claiming it at once
     * cannot both commit.
     *
     * @param number a number in canonical form, at most 32 characters
     * @throws StoreConflictException if an account (this one included) owns it, or a concurrent
     *     transaction claimed it first
     */
    void claimNumber(String number);

    /**
     * Gives up a number this account owns; nothing happens if it does not own it.
     *
     * @param number a number in canonical form
     */
    void releaseNumber(String number);

    // ----- users ------------------------------------------------------------------------------

    /**
     * @param id a user id
     * @return the user of this account with that id
     */
    Optional<User> findUser(UserId id);

    /**
     * Finds several users at once: an inbox page names the assignees of its rows.
     *
     * <p>The default calls {@link #findUser} once per distinct id; a SQL store reads them in one
     * statement.
     *
     * @param ids user ids; an id given twice is read once
     * @return the users of this account with those ids; ids without a user are absent
     */
    default Map<UserId, User> findUsers(Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        for (UserId id : new LinkedHashSet<>(ids)) {
            findUser(id).ifPresent(user -> found.put(id, user));
        }
        return found;
    }

    /** @return the users of the account, ordered by id */
    List<User> listUsers();

    /**
     * Adds a user.
     *
     * @param user the user
     * @throws StoreConflictException if the account has a user with that id
     */
    void insertUser(User user);

    /**
     * Replaces a user's attributes.
     *
     * @param user the user
     */
    void updateUser(User user);

    // ----- contacts ---------------------------------------------------------------------------

    /**
     * @param id a contact id
     * @return the contact of this account with that id
     */
    Optional<Contact> findContact(ContactId id);

    /**
     * @param phone a phone number
     * @return the contact of this account with that number
     */
    Optional<Contact> findContactByPhone(PhoneNumber phone);

    /**
     * Finds the contacts of many numbers at once (one query for a page of the inbox).
     *
     * @param phones phone numbers
     * @return the contacts found, by phone number; numbers without a contact are absent
     */
    Map<PhoneNumber, Contact> findContactsByPhone(Collection<PhoneNumber> phones);

    /**
     * Saves a new contact.
     *
     * @param contact the contact
     * @throws StoreConflictException if the id or the phone number is taken in this account
     */
    void insertContact(Contact contact);

    /**
     * Replaces a contact's attributes (including its phone number).
     *
     * @param contact the contact
     * @throws StoreConflictException if the new phone number belongs to another contact
     */
    void updateContact(Contact contact);

    // ----- subscription (opt-out / opt-in) ----------------------------------------------------

    /**
     * The current subscription state of a number: its most recently appended record.
     *
     * @param phone a phone number
     * @return the latest record, empty if the number never opted out or in
     */
    Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone);

    /**
     * Appends a subscription change; it becomes the number's latest record.
     *
     * @param record the change
     */
    void appendOptOutRecord(OptOutRecord record);

    /**
     * @param phone a phone number
     * @return the number's subscription changes in the order they were appended
     */
    List<OptOutRecord> optOutHistory(PhoneNumber phone);

    /**
     * The current subscription state of many numbers at once (a broadcast's batch, a dispatcher's
     * claim): each number's most recently appended record.
     *
     * <p>The default asks {@link #latestOptOutRecord} once per number; a SQL store overrides it
     * with one statement.
     *
     * @param phones phone numbers
     * @return the latest record by number; numbers that never opted out or in are absent
     */
    default Map<PhoneNumber, OptOutRecord> latestOptOutRecords(Collection<PhoneNumber> phones) {
        Map<PhoneNumber, OptOutRecord> latest = new LinkedHashMap<>();
        for (PhoneNumber phone : phones) {
            latestOptOutRecord(phone).ifPresent(record -> latest.put(phone, record));
        }
        return latest;
    }

    // ----- conversations ----------------------------------------------------------------------

    /**
     * Reads a conversation without locking it.
     *
     * @param id a conversation id
     * @return the conversation of this account with that id
     */
    Optional<Conversation> findConversation(ConversationId id);

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

    // ----- messages ---------------------------------------------------------------------------

    /**
     * @param id a message id
     * @return the message of this account with that id
     */
    Optional<Message> findMessage(MessageId id);

    /**
     * Finds an inbound message by the carrier's id: ingestion's idempotency (F32, architecture
     * invariant 4). Carrier ids are unique among an account's inbound messages; an outbound message is found
     * through its outbox entry ({@link SendingTransaction#lockOutboxEntryByCarrierId}), whose
     * carrier ids are unique per carrier.
     *
     * @param carrierMessageId the carrier's message id
     * @return the inbound message of this account with that carrier id
     */
    Optional<Message> findMessageByCarrierId(String carrierMessageId);

    /**
     * Appends a message to its conversation.
     *
     * @param message the message
     * @throws StoreConflictException if its id, its (conversation, sequence) or its carrier message
     *     id is taken in this account
     */
    void insertMessage(Message message);

    /**
     * Replaces a message's attributes.
     *
     * @param message the message
     */
    void updateMessage(Message message);

    /**
     * Reads many messages at once, as {@link #findMessage} does for one.
     *
     * <p>The default calls {@link #findMessage} for each id; a SQL store overrides it with one
     * statement.
     *
     * @param ids message ids
     * @return the messages of this account found, by id; unknown ids are absent
     */
    default Map<MessageId, Message> findMessages(Collection<MessageId> ids) {
        Map<MessageId, Message> found = new LinkedHashMap<>();
        for (MessageId id : ids) {
            findMessage(id).ifPresent(message -> found.put(id, message));
        }
        return found;
    }

    /**
     * Appends many messages to their conversations, as {@link #insertMessage} does for one.
     *
     * <p>The default calls {@link #insertMessage} for each; a SQL store sends one batch.
     *
     * @param messages the messages, in order
     * @throws StoreConflictException if an id, a (conversation, sequence) or a carrier message id
     *     is taken in this account
     */
    default void insertMessages(List<Message> messages) {
        messages.forEach(this::insertMessage);
    }

    /**
     * Replaces many messages' attributes, as {@link #updateMessage} does for one.
     *
     * <p>The default calls {@link #updateMessage} for each; a SQL store sends one batch.
     *
     * @param messages the messages
     */
    default void updateMessages(List<Message> messages) {
        messages.forEach(this::updateMessage);
    }

    /**
     * Lists a conversation's messages backwards from a position.
     *
     * @param conversation the conversation
     * @param beforeSequence list messages with a smaller sequence ({@code Long.MAX_VALUE} for the
     *     newest)
     * @param since list only messages created at or after this instant
     * @param limit the most messages to return, at least 1
     * @return the messages, sequence descending (newest first)
     */
    List<Message> listMessages(ConversationId conversation, long beforeSequence, Instant since, int limit);

    /**
     * Searches a conversation's messages (F15).
     *
     * @param conversation the conversation
     * @param lowerCaseText plain text (not a pattern), lower-cased with {@code Locale.ROOT}; matches
     *     messages whose text lower-cased contains it
     * @param since search only messages created at or after this instant
     * @param limit the most messages to return, at least 1
     * @return the matching messages, sequence descending (newest first)
     */
    List<Message> searchMessages(ConversationId conversation, String lowerCaseText, Instant since, int limit);

    /**
     * Marks every unread inbound message of a conversation read.
     *
     * @param conversation the conversation, locked by this transaction
     * @return how many messages changed
     */
    int markInboundMessagesRead(ConversationId conversation);

    // ----- assignment -------------------------------------------------------------------------

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

    // ----- counters ---------------------------------------------------------------------------

    /**
     * Reads the account's counters (F11); one row, no counting.
     *
     * @return the counters, zero for an account without conversations
     */
    InboxCounters counters();

    /**
     * Adds deltas to the account's counters, atomically ({@code UPDATE ... SET open = open + ?}).
     *
     * @param openDelta change of the open-conversation count
     * @param closedDelta change of the closed-conversation count
     * @param unreadConversationsDelta change of the badge
     */
    void adjustCounters(long openDelta, long closedDelta, long unreadConversationsDelta);
}
