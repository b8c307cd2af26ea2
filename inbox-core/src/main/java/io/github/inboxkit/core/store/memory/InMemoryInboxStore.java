package io.github.inboxkit.core.store.memory;

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
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.ImmutableIdempotencyRecord;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.AccountTransaction;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import io.github.inboxkit.core.store.SendingStore;
import io.github.inboxkit.core.store.SendingTransaction;
import io.github.inboxkit.core.store.SendingWork;
import io.github.inboxkit.core.store.SearchTerm;
import io.github.inboxkit.core.store.StoreConflictException;
import io.github.inboxkit.core.store.TransactionWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An {@link InboxStore} in memory, with the semantics the store contract tests demand of every
 * store: all-or-nothing transactions, unique keys signalled by {@link StoreConflictException},
 * strict scoping by account.
 *
 * <p>Each account's data has one lock, held for a whole transaction, so transactions of one account
 * run one at a time (serializable) and those of different accounts in parallel. Transactions of an
 * account not stored yet share one lock, and keep nothing unless they commit the account's row. Writes are kept
 * in an undo log, replayed backwards when the work throws.
 *
 * <p>Thread-safe. Listing is a scan of the account's conversations: fine for tests and small
 * accounts, not a production store.
 */
public final class InMemoryInboxStore implements SendingStore, OutboxStatistics {

    private final ConcurrentHashMap<AccountId, AccountData> accounts = new ConcurrentHashMap<>();
    /**
     * Receiving numbers and their accounts, across accounts: the one key no account's lock guards,
     * so a claim takes it atomically ({@code putIfAbsent}) and a rollback gives it back. A claim not
     * yet committed is visible to other accounts' transactions, which then conflict and retry.
     */
    private final ConcurrentHashMap<String, AccountId> numberOwners = new ConcurrentHashMap<>();
    /** Serialises transactions of accounts not stored yet, such as the one creating an account. */
    private final ReentrantLock creationLock = new ReentrantLock();

    private InMemoryInboxStore() {}

    /**
     * Creates an empty store.
     *
     * @return the store
     */
    public static InMemoryInboxStore create() {
        return new InMemoryInboxStore();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if called from inside a transaction of the same account
     */
    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(work, "work");
        if (creationLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("transactions must not be nested");
        }
        AccountData data = accounts.get(account);
        if (data == null) {
            // an account not stored yet: its rows only become visible if the account row is
            // committed, so that reads of unknown ids leave nothing behind
            creationLock.lock();
            try {
                data = accounts.get(account);
                if (data == null) {
                    AccountData created = new AccountData(account, numberOwners);
                    T result = run(created, work);
                    if (created.account != null) {
                        accounts.put(account, created);
                    }
                    return result;
                }
            } finally {
                creationLock.unlock();
            }
        }
        return run(data, work);
    }

    private static <T> T run(AccountData data, TransactionWork<T> work) {
        if (data.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("transactions must not be nested");
        }
        data.lock.lock();
        MemoryTransaction transaction = new MemoryTransaction(data);
        try {
            T result = work.run(transaction);
            transaction.finish();
            return result;
        } catch (RuntimeException | Error e) {
            transaction.rollback();
            throw e;
        } finally {
            data.lock.unlock();
        }
    }

    // ----- sending (SendingStore): added by the sending pipeline -----

    @Override
    public <T> T inSendingTransaction(AccountId account, SendingWork<T> work) {
        Objects.requireNonNull(work, "work");
        // MemoryTransaction implements SendingTransaction: one transaction type, two views of it
        return inTransaction(account, transaction -> work.run((SendingTransaction) transaction));
    }

    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        return accountsWhere(limit, outbox -> outbox.entries.values().stream().anyMatch(entry -> entry.isClaimable(now)));
    }

    /**
     * {@inheritDoc} Scans each account's outbox under its lock, one account at a time.
     */
    @Override
    public QueueDepth outboxDepth(Instant now) {
        Objects.requireNonNull(now, "now");
        long due = 0;
        long scheduled = 0;
        long retrying = 0;
        long sending = 0;
        Instant oldestDue = null;
        for (AccountData data : accounts.values()) {
            data.lock.lock();
            try {
                for (OutboxEntry entry : data.outbox.entries.values()) {
                    if (entry.isClaimable(now)) {
                        due++;
                        oldestDue = oldestDue == null || entry.dueAt().isBefore(oldestDue) ? entry.dueAt() : oldestDue;
                    } else if (entry.status() == MessageStatus.SCHEDULED) {
                        scheduled++;
                    } else if (entry.status() == MessageStatus.QUEUED) {
                        retrying++;
                    } else if (entry.status() == MessageStatus.SENDING) {
                        sending++;
                    }
                }
            } finally {
                data.lock.unlock();
            }
        }
        return new QueueDepth(due, scheduled, retrying, sending,
                oldestDue == null ? Duration.ZERO : Duration.between(oldestDue, now));
    }

    @Override
    public List<AccountId> accountsWithQueuedRecipients(int limit) {
        return accountsWhere(limit, outbox -> !outbox.queued.isEmpty());
    }

    private List<AccountId> accountsWhere(int limit, java.util.function.Predicate<OutboxTables> test) {
        List<AccountId> found = new ArrayList<>();
        for (AccountData data : new TreeMap<>(accounts).values()) {
            if (found.size() >= limit) {
                break;
            }
            data.lock.lock();
            try {
                if (test.test(data.outbox)) {
                    found.add(data.id);
                }
            } finally {
                data.lock.unlock();
            }
        }
        return found;
    }

    @Override
    public List<AccountId> listAccountIds() {
        return List.copyOf(new TreeMap<>(accounts).keySet());
    }

    @Override
    public Optional<AccountId> accountOwningNumber(String number) {
        Objects.requireNonNull(number, "number");
        return Optional.ofNullable(numberOwners.get(number));
    }

    /** One account's rows; guarded by {@link #lock}. */
    private static final class AccountData {
        final AccountId id;
        final ReentrantLock lock = new ReentrantLock();
        Account account;
        InboxCounters counters = InboxCounters.zero();
        final Map<UserId, User> users = new TreeMap<>();
        final Map<ContactId, Contact> contacts = new HashMap<>();
        final Map<PhoneNumber, ContactId> contactByPhone = new HashMap<>();
        final Map<PhoneNumber, List<OptOutRecord>> optOuts = new HashMap<>();
        final Map<ConversationId, Conversation> conversations = new HashMap<>();
        final Map<PhoneNumber, ConversationId> conversationByPhone = new HashMap<>();
        final Map<ConversationId, TreeMap<Long, MessageId>> messagesByConversation = new HashMap<>();
        final Map<MessageId, Message> messages = new HashMap<>();
        final Map<String, MessageId> messageByCarrierId = new HashMap<>();
        final Map<ConversationId, List<AssignmentChange>> assignments = new HashMap<>();
        final OutboxTables outbox = new OutboxTables();
        /** The store's receiving numbers, shared by every account. */
        final ConcurrentHashMap<String, AccountId> numberOwners;

        AccountData(AccountId id, ConcurrentHashMap<String, AccountId> numberOwners) {
            this.id = id;
            this.numberOwners = numberOwners;
        }
    }

    private static final class MemoryTransaction implements SendingTransaction {

        private final AccountData data;
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private boolean finished;

        MemoryTransaction(AccountData data) {
            this.data = data;
        }

        void finish() {
            finished = true;
            undo.clear();
        }

        void rollback() {
            finished = true;
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        private void checkOpen() {
            if (finished) {
                throw new IllegalStateException("the transaction has ended");
            }
        }

        /** Puts a value into a map, remembering how to undo it. */
        private <K, V> void put(Map<K, V> map, K key, V value) {
            boolean had = map.containsKey(key);
            V previous = map.put(key, value);
            undo.push(had ? () -> map.put(key, previous) : () -> map.remove(key));
        }

        private <K, V> void remove(Map<K, V> map, K key) {
            if (map.containsKey(key)) {
                V previous = map.remove(key);
                undo.push(() -> map.put(key, previous));
            }
        }

        private <E> void append(List<E> list, E element) {
            list.add(element);
            undo.push(() -> list.remove(list.size() - 1));
        }

        @Override
        public AccountId accountId() {
            return data.id;
        }

        // ----- sending (SendingTransaction): added by the sending pipeline -----

        @Override
        public void insertOutboxEntry(OutboxEntry entry) {
            checkOpen();
            if (data.outbox.entries.containsKey(entry.messageId())) {
                throw new StoreConflictException("outbox entry exists: " + entry.messageId());
            }
            putOutboxEntry(entry);
        }

        @Override
        public Optional<OutboxEntry> findOutboxEntry(MessageId id) {
            checkOpen();
            return Optional.ofNullable(data.outbox.entries.get(id));
        }

        @Override
        public Optional<OutboxEntry> lockOutboxEntry(MessageId id) {
            // the account lock, held for the whole transaction, already excludes other writers
            return findOutboxEntry(id);
        }

        @Override
        public Optional<OutboxEntry> lockOutboxEntryByCarrierId(String carrierId, String carrierMessageId) {
            checkOpen();
            return Optional.ofNullable(data.outbox.byCarrierId.get(OutboxTables.carrierKey(carrierId, carrierMessageId)))
                    .map(data.outbox.entries::get);
        }

        @Override
        public List<OutboxEntry> lockClaimableOutboxEntries(Instant now, int limit) {
            checkOpen();
            return data.outbox.entries.values().stream()
                    .filter(entry -> entry.isClaimable(now))
                    .sorted(Comparator.comparing(OutboxEntry::dueAt).thenComparing(OutboxEntry::messageId))
                    .limit(limit)
                    .toList();
        }

        @Override
        public void updateOutboxEntry(OutboxEntry entry) {
            checkOpen();
            OutboxEntry previous = data.outbox.entries.get(entry.messageId());
            requireState(previous != null, "outbox entry");
            previous.carrierMessageId().ifPresent(id ->
                    remove(data.outbox.byCarrierId, OutboxTables.carrierKey(previous.carrierId(), id)));
            putOutboxEntry(entry);
        }

        private void putOutboxEntry(OutboxEntry entry) {
            put(data.outbox.entries, entry.messageId(), entry);
            entry.carrierMessageId().ifPresent(id ->
                    put(data.outbox.byCarrierId, OutboxTables.carrierKey(entry.carrierId(), id), entry.messageId()));
        }

        @Override
        public List<OutboxEntry> listScheduledOutboxEntries(int limit) {
            return scheduled(entry -> true, limit);
        }

        @Override
        public List<OutboxEntry> listScheduledOutboxEntries(ConversationId conversation, int limit) {
            return scheduled(entry -> entry.conversationId().equals(conversation), limit);
        }

        private List<OutboxEntry> scheduled(Predicate<OutboxEntry> filter, int limit) {
            checkOpen();
            return data.outbox.entries.values().stream()
                    .filter(entry -> entry.status() == MessageStatus.SCHEDULED && filter.test(entry))
                    .sorted(Comparator.comparing(OutboxEntry::dueAt).thenComparing(OutboxEntry::messageId))
                    .limit(limit)
                    .toList();
        }

        @Override
        public Set<MessageId> updateOutboxStatesIfUnchanged(List<OutboxEntry> expected, List<OutboxEntry> after) {
            checkOpen();
            SendingTransaction.requireSameEntries(expected, after);
            List<OutboxEntry> writes = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                OutboxEntry stored = data.outbox.entries.get(expected.get(i).messageId());
                OutboxEntry changed = after.get(i);
                boolean kept = changed.carrierMessageId().isPresent() && data.outbox.unmatched.values().stream()
                        .anyMatch(report -> report.carrierId().equals(changed.carrierId())
                                && report.report().carrierMessageId().equals(changed.carrierMessageId().get()));
                if (stored != null && !kept && SendingTransaction.unchangedSince(stored, expected.get(i))) {
                    writes.add(changed);
                }
            }
            updateOutboxStates(writes);
            return writes.stream().map(OutboxEntry::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public void insertUnmatchedReport(UnmatchedDeliveryReport report) {
            checkOpen();
            put(data.outbox.unmatched, data.outbox.nextUnmatched++, report);
        }

        @Override
        public List<UnmatchedDeliveryReport> takeUnmatchedReports(String carrierId, String carrierMessageId) {
            checkOpen();
            List<UnmatchedDeliveryReport> taken = new ArrayList<>();
            for (Map.Entry<Long, UnmatchedDeliveryReport> kept : List.copyOf(data.outbox.unmatched.entrySet())) {
                UnmatchedDeliveryReport report = kept.getValue();
                if (report.carrierId().equals(carrierId) && report.report().carrierMessageId().equals(carrierMessageId)) {
                    taken.add(report);
                    remove(data.outbox.unmatched, kept.getKey());
                }
            }
            return taken;
        }

        @Override
        public List<UnmatchedDeliveryReport> listUnmatchedReports(int limit) {
            checkOpen();
            return data.outbox.unmatched.values().stream().limit(limit).toList();
        }

        @Override
        public int deleteUnmatchedReports(Instant receivedBefore, int limit) {
            checkOpen();
            List<Long> old = data.outbox.unmatched.entrySet().stream()
                    .filter(kept -> kept.getValue().receivedAt().isBefore(receivedBefore))
                    .sorted(Map.Entry.comparingByValue(Comparator.comparing(UnmatchedDeliveryReport::receivedAt)))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
            old.forEach(key -> remove(data.outbox.unmatched, key));
            return old.size();
        }

        // ----- idempotency keys (SendingTransaction, F46) -----

        @Override
        public Optional<IdempotencyRecord> lockIdempotencyRecord(IdempotencyKey key) {
            // the account lock, held for the whole transaction, already excludes other writers
            checkOpen();
            return Optional.ofNullable(data.outbox.idempotency.get(key));
        }

        @Override
        public void insertIdempotencyRecord(IdempotencyRecord record) {
            checkOpen();
            if (data.outbox.idempotency.containsKey(record.key())) {
                throw new StoreConflictException("idempotency key taken");
            }
            put(data.outbox.idempotency, record.key(), record);
        }

        @Override
        public void updateIdempotencyRecord(IdempotencyRecord record) {
            checkOpen();
            IdempotencyRecord stored = data.outbox.idempotency.get(record.key());
            requireState(stored != null, "idempotency key");
            put(data.outbox.idempotency, record.key(), ImmutableIdempotencyRecord.copyOf(stored)
                    .withRecipientsDone(record.recipientsDone())
                    .withRecipientsQueued(record.recipientsQueued()));
        }

        @Override
        public void deleteIdempotencyRecord(IdempotencyKey key) {
            checkOpen();
            remove(data.outbox.idempotency, key);
        }

        @Override
        public int deleteExpiredIdempotencyRecords(Instant now, int limit) {
            checkOpen();
            List<IdempotencyKey> expired = data.outbox.idempotency.values().stream()
                    .filter(record -> !record.holdsAt(now))
                    .sorted(Comparator.comparing(IdempotencyRecord::expiresAt))
                    .limit(limit)
                    .map(IdempotencyRecord::key)
                    .toList();
            expired.forEach(key -> remove(data.outbox.idempotency, key));
            return expired.size();
        }

        @Override
        public void insertBroadcast(Broadcast broadcast, BroadcastContent content) {
            checkOpen();
            if (data.outbox.broadcasts.containsKey(broadcast.id())) {
                throw new StoreConflictException("broadcast exists: " + broadcast.id());
            }
            put(data.outbox.broadcasts, broadcast.id(), broadcast);
            put(data.outbox.contents, broadcast.id(), content);
            put(data.outbox.skips, broadcast.id(), new ArrayList<>());
        }

        @Override
        public Optional<Broadcast> findBroadcast(BroadcastId id) {
            checkOpen();
            return Optional.ofNullable(data.outbox.broadcasts.get(id));
        }

        @Override
        public Optional<BroadcastContent> findBroadcastContent(BroadcastId id) {
            checkOpen();
            return Optional.ofNullable(data.outbox.contents.get(id));
        }

        @Override
        public void queueBroadcastRecipients(List<QueuedRecipient> recipients) {
            checkOpen();
            for (QueuedRecipient recipient : recipients) {
                requireState(data.outbox.broadcasts.containsKey(recipient.broadcast()), "broadcast");
                put(data.outbox.queued, data.outbox.nextQueued++, recipient);
            }
        }

        @Override
        public List<QueuedRecipient> takeQueuedRecipients(int limit) {
            checkOpen();
            // the account's lock is held for the whole transaction: nothing to skip
            List<Long> keys = data.outbox.queued.keySet().stream().limit(limit).toList();
            List<QueuedRecipient> taken = new ArrayList<>(keys.size());
            for (Long key : keys) {
                taken.add(data.outbox.queued.get(key));
                remove(data.outbox.queued, key);
            }
            return taken;
        }

        @Override
        public long countQueuedRecipients(BroadcastId id) {
            checkOpen();
            return data.outbox.queued.values().stream().filter(recipient -> recipient.broadcast().equals(id)).count();
        }

        @Override
        public void appendBroadcastSkips(BroadcastId id, List<BroadcastSkip> skips) {
            checkOpen();
            List<BroadcastSkip> list = data.outbox.skips.get(id);
            requireState(list != null, "broadcast");
            for (BroadcastSkip skip : skips) {
                append(list, skip);
            }
        }

        @Override
        public List<BroadcastSkip> listBroadcastSkips(BroadcastId id) {
            checkOpen();
            return List.copyOf(data.outbox.skips.getOrDefault(id, List.of()));
        }

        @Override
        public Map<MessageStatus, Long> countOutboxEntriesByStatus(BroadcastId id) {
            checkOpen();
            Map<MessageStatus, Long> counts = new java.util.EnumMap<>(MessageStatus.class);
            for (OutboxEntry entry : data.outbox.entries.values()) {
                if (entry.broadcastId().filter(id::equals).isPresent()) {
                    counts.merge(entry.status(), 1L, Long::sum);
                }
            }
            return counts;
        }

        @Override
        public List<Message> listPurgeableMessages(Instant createdBefore, int limit) {
            checkOpen();
            return data.messages.values().stream()
                    .filter(message -> message.createdAt().isBefore(createdBefore)
                            && !OutboxEntry.PENDING.contains(message.status()))
                    .sorted(Comparator.comparing(Message::createdAt).thenComparing(Message::id))
                    .limit(limit)
                    .toList();
        }

        @Override
        public int deleteMessages(ConversationId conversation, Collection<MessageId> ids) {
            checkOpen();
            TreeMap<Long, MessageId> thread = data.messagesByConversation.get(conversation);
            int deleted = 0;
            for (MessageId id : ids) {
                Message message = data.messages.get(id);
                if (message == null || thread == null || !message.conversationId().equals(conversation)) {
                    continue;
                }
                remove(data.messages, id);
                remove(thread, message.sequence());
                inboundCarrierId(message).ifPresent(carrierId -> remove(data.messageByCarrierId, carrierId));
                OutboxEntry entry = data.outbox.entries.get(id);
                if (entry != null) {
                    remove(data.outbox.entries, id);
                    entry.carrierMessageId().ifPresent(carrierId ->
                            remove(data.outbox.byCarrierId, OutboxTables.carrierKey(entry.carrierId(), carrierId)));
                }
                deleted++;
            }
            return deleted;
        }

        @Override
        public boolean hasMessages(ConversationId conversation) {
            checkOpen();
            TreeMap<Long, MessageId> thread = data.messagesByConversation.get(conversation);
            return thread != null && !thread.isEmpty();
        }

        @Override
        public void deleteConversation(ConversationId conversation) {
            checkOpen();
            Conversation existing = data.conversations.get(conversation);
            requireState(existing != null, "conversation");
            if (hasMessages(conversation)) {
                throw new IllegalStateException("a conversation is deleted only once it has no message left");
            }
            remove(data.conversations, conversation);
            remove(data.conversationByPhone, existing.contactPhone());
            remove(data.messagesByConversation, conversation);
        }

        @Override
        public int deleteSupersededOptOutRecords(Instant recordedBefore, int limit) {
            checkOpen();
            int deleted = 0;
            for (Map.Entry<PhoneNumber, List<OptOutRecord>> history : List.copyOf(data.optOuts.entrySet())) {
                List<OptOutRecord> records = history.getValue();
                List<OptOutRecord> kept = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    boolean latest = i == records.size() - 1;
                    if (!latest && deleted < limit && records.get(i).recordedAt().isBefore(recordedBefore)) {
                        deleted++;
                    } else {
                        kept.add(records.get(i));
                    }
                }
                if (kept.size() != records.size()) {
                    put(data.optOuts, history.getKey(), kept);
                }
            }
            return deleted;
        }

        @Override
        public int deleteAssignmentHistory(ConversationId conversation) {
            checkOpen();
            List<AssignmentChange> history = data.assignments.get(conversation);
            if (history == null) {
                return 0;
            }
            remove(data.assignments, conversation);
            return history.size();
        }

        // ----- accounts -----

        @Override
        public Optional<Account> findAccount() {
            checkOpen();
            return Optional.ofNullable(data.account);
        }

        @Override
        public void insertAccount(Account account) {
            checkOpen();
            requireOwnAccount(account);
            if (data.account != null) {
                throw new StoreConflictException("account exists: " + account.id());
            }
            Account previousAccount = data.account;
            InboxCounters previousCounters = data.counters;
            data.account = account;
            data.counters = InboxCounters.zero();
            undo.push(() -> {
                data.account = previousAccount;
                data.counters = previousCounters;
            });
        }

        @Override
        public void updateAccount(Account account) {
            checkOpen();
            requireOwnAccount(account);
            requireState(data.account != null, "account");
            Account previous = data.account;
            data.account = account;
            undo.push(() -> data.account = previous);
        }

        private void requireOwnAccount(Account account) {
            if (!account.id().equals(data.id)) {
                throw new IllegalArgumentException("the account must be the transaction's account");
            }
        }

        // ----- receiving numbers -----

        @Override
        public List<String> ownedNumbers() {
            checkOpen();
            return data.numberOwners.entrySet().stream().filter(entry -> entry.getValue().equals(data.id))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        @Override
        public Optional<AccountId> numberOwner(String number) {
            checkOpen();
            return Optional.ofNullable(data.numberOwners.get(Objects.requireNonNull(number, "number")));
        }

        @Override
        public void claimNumber(String number) {
            checkOpen();
            Objects.requireNonNull(number, "number");
            if (data.numberOwners.putIfAbsent(number, data.id) != null) {
                throw new StoreConflictException("the receiving number is owned already");
            }
            undo.push(() -> data.numberOwners.remove(number, data.id));
        }

        @Override
        public void releaseNumber(String number) {
            checkOpen();
            if (data.numberOwners.remove(Objects.requireNonNull(number, "number"), data.id)) {
                undo.push(() -> data.numberOwners.put(number, data.id));
            }
        }

        // ----- users -----

        @Override
        public Optional<User> findUser(UserId id) {
            checkOpen();
            return Optional.ofNullable(data.users.get(id));
        }

        @Override
        public List<User> listUsers() {
            checkOpen();
            return List.copyOf(data.users.values());
        }

        @Override
        public void insertUser(User user) {
            checkOpen();
            if (data.users.containsKey(user.id())) {
                throw new StoreConflictException("user exists: " + user.id());
            }
            put(data.users, user.id(), user);
        }

        @Override
        public void updateUser(User user) {
            checkOpen();
            requireState(data.users.containsKey(user.id()), "user");
            put(data.users, user.id(), user);
        }

        // ----- contacts -----

        @Override
        public Optional<Contact> findContact(ContactId id) {
            checkOpen();
            return Optional.ofNullable(data.contacts.get(id));
        }

        @Override
        public Optional<Contact> findContactByPhone(PhoneNumber phone) {
            checkOpen();
            return Optional.ofNullable(data.contactByPhone.get(phone)).map(data.contacts::get);
        }

        @Override
        public Map<PhoneNumber, Contact> findContactsByPhone(Collection<PhoneNumber> phones) {
            checkOpen();
            Map<PhoneNumber, Contact> found = new HashMap<>();
            for (PhoneNumber phone : phones) {
                findContactByPhone(phone).ifPresent(contact -> found.put(phone, contact));
            }
            return found;
        }

        @Override
        public void insertContact(Contact contact) {
            checkOpen();
            if (data.contacts.containsKey(contact.id()) || data.contactByPhone.containsKey(contact.phone())) {
                throw new StoreConflictException("contact id or phone taken");
            }
            put(data.contacts, contact.id(), contact);
            put(data.contactByPhone, contact.phone(), contact.id());
        }

        @Override
        public void updateContact(Contact contact) {
            checkOpen();
            Contact previous = data.contacts.get(contact.id());
            requireState(previous != null, "contact");
            if (!previous.phone().equals(contact.phone())) {
                if (data.contactByPhone.containsKey(contact.phone())) {
                    throw new StoreConflictException("contact phone taken");
                }
                remove(data.contactByPhone, previous.phone());
                put(data.contactByPhone, contact.phone(), contact.id());
            }
            put(data.contacts, contact.id(), contact);
        }

        // ----- subscription -----

        @Override
        public Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone) {
            checkOpen();
            List<OptOutRecord> history = data.optOuts.get(phone);
            return history == null || history.isEmpty()
                    ? Optional.empty()
                    : Optional.of(history.get(history.size() - 1));
        }

        @Override
        public void appendOptOutRecord(OptOutRecord record) {
            checkOpen();
            if (!data.optOuts.containsKey(record.phone())) {
                put(data.optOuts, record.phone(), new ArrayList<>());
            }
            append(data.optOuts.get(record.phone()), record);
        }

        @Override
        public List<OptOutRecord> optOutHistory(PhoneNumber phone) {
            checkOpen();
            return List.copyOf(data.optOuts.getOrDefault(phone, List.of()));
        }

        // ----- conversations -----

        @Override
        public Optional<Conversation> findConversation(ConversationId id) {
            checkOpen();
            return Optional.ofNullable(data.conversations.get(id));
        }

        @Override
        public Optional<Conversation> lockConversation(ConversationId id) {
            // the account lock, held for the whole transaction, already excludes other writers
            return findConversation(id);
        }

        @Override
        public Optional<Conversation> lockConversationByPhone(PhoneNumber contactPhone) {
            checkOpen();
            return Optional.ofNullable(data.conversationByPhone.get(contactPhone)).map(data.conversations::get);
        }

        @Override
        public void insertConversation(Conversation conversation) {
            checkOpen();
            if (data.conversations.containsKey(conversation.id())
                    || data.conversationByPhone.containsKey(conversation.contactPhone())) {
                throw new StoreConflictException("conversation id or contact phone taken");
            }
            put(data.conversations, conversation.id(), conversation);
            put(data.conversationByPhone, conversation.contactPhone(), conversation.id());
            put(data.messagesByConversation, conversation.id(), new TreeMap<>());
            put(data.assignments, conversation.id(), new ArrayList<>());
        }

        @Override
        public void updateConversation(Conversation conversation) {
            checkOpen();
            Conversation previous = data.conversations.get(conversation.id());
            requireState(previous != null, "conversation");
            if (!previous.contactPhone().equals(conversation.contactPhone())) {
                throw new IllegalArgumentException("a conversation's contact phone never changes");
            }
            put(data.conversations, conversation.id(), conversation);
        }

        @Override
        public List<Conversation> listConversations(ConversationListing listing) {
            checkOpen();
            Predicate<Conversation> matches = conversation -> conversation.state() == listing.state()
                    && !conversation.lastActivityAt().isBefore(listing.activeSince())
                    && matchesAssignment(conversation, listing.assignment())
                    && switch (listing.readFilter()) {
                        case ALL -> true;
                        case UNREAD -> conversation.unreadCount() > 0;
                        case READ -> conversation.unreadCount() == 0;
                    }
                    && listing.after().map(cursor -> isAfter(conversation, cursor)).orElse(true)
                    && listing.search().map(term -> matchesSearch(conversation, term, listing.activeSince()))
                            .orElse(true);
            return data.conversations.values().stream()
                    .filter(matches)
                    .sorted(LISTING_ORDER)
                    .limit(listing.limit())
                    .toList();
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
            boolean byName = findContactByPhone(conversation.contactPhone())
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
            return !searchMessages(conversation.id(), term.text(), since, 1).isEmpty();
        }

        // ----- messages -----

        @Override
        public Optional<Message> findMessage(MessageId id) {
            checkOpen();
            return Optional.ofNullable(data.messages.get(id));
        }

        /** The carrier ids that are unique and looked up: inbound messages' (ingestion's idempotency). */
        private static Optional<String> inboundCarrierId(Message message) {
            return message.direction() == Direction.INBOUND ? message.carrierMessageId() : Optional.empty();
        }

        @Override
        public Optional<Message> findMessageByCarrierId(String carrierMessageId) {
            checkOpen();
            return Optional.ofNullable(data.messageByCarrierId.get(carrierMessageId)).map(data.messages::get);
        }

        @Override
        public void insertMessage(Message message) {
            checkOpen();
            TreeMap<Long, MessageId> thread = data.messagesByConversation.get(message.conversationId());
            requireState(thread != null, "conversation");
            if (data.messages.containsKey(message.id())
                    || thread.containsKey(message.sequence())
                    || inboundCarrierId(message).map(data.messageByCarrierId::containsKey).orElse(false)) {
                throw new StoreConflictException("message id, sequence or carrier message id taken");
            }
            put(data.messages, message.id(), message);
            put(thread, message.sequence(), message.id());
            inboundCarrierId(message).ifPresent(id -> put(data.messageByCarrierId, id, message.id()));
        }

        @Override
        public void updateMessage(Message message) {
            checkOpen();
            Message previous = data.messages.get(message.id());
            requireState(previous != null, "message");
            if (!previous.conversationId().equals(message.conversationId())
                    || previous.sequence() != message.sequence()) {
                throw new IllegalArgumentException("a message never moves to another conversation or position");
            }
            Optional<String> carrierId = inboundCarrierId(message);
            if (!inboundCarrierId(previous).equals(carrierId)) {
                if (carrierId.map(data.messageByCarrierId::containsKey).orElse(false)) {
                    throw new StoreConflictException("carrier message id taken");
                }
                inboundCarrierId(previous).ifPresent(id -> remove(data.messageByCarrierId, id));
                carrierId.ifPresent(id -> put(data.messageByCarrierId, id, message.id()));
            }
            put(data.messages, message.id(), message);
        }

        @Override
        public List<Message> listMessages(ConversationId conversation, long beforeSequence, Instant since, int limit) {
            return messagesNewestFirst(conversation, beforeSequence, since, message -> true, limit);
        }

        @Override
        public List<Message> searchMessages(ConversationId conversation, String lowerCaseText, Instant since, int limit) {
            return messagesNewestFirst(conversation, Long.MAX_VALUE, since,
                    message -> message.text().toLowerCase(Locale.ROOT).contains(lowerCaseText), limit);
        }

        private List<Message> messagesNewestFirst(
                ConversationId conversation, long beforeSequence, Instant since, Predicate<Message> filter, int limit) {
            checkOpen();
            TreeMap<Long, MessageId> thread = data.messagesByConversation.get(conversation);
            if (thread == null) {
                return List.of();
            }
            List<Message> found = new ArrayList<>();
            for (MessageId id : thread.headMap(beforeSequence, false).descendingMap().values()) {
                Message message = data.messages.get(id);
                if (!message.createdAt().isBefore(since) && filter.test(message)) {
                    found.add(message);
                    if (found.size() == limit) {
                        break;
                    }
                }
            }
            return found;
        }

        @Override
        public int markInboundMessagesRead(ConversationId conversation) {
            checkOpen();
            TreeMap<Long, MessageId> thread = data.messagesByConversation.getOrDefault(conversation, new TreeMap<>());
            int changed = 0;
            for (MessageId id : thread.values()) {
                Message message = data.messages.get(id);
                if (message.direction() == Direction.INBOUND && !message.read()) {
                    put(data.messages, id, Message.builder().from(message).read(true).build());
                    changed++;
                }
            }
            return changed;
        }

        // ----- assignment -----

        @Override
        public void appendAssignmentChange(AssignmentChange change) {
            checkOpen();
            List<AssignmentChange> history = data.assignments.get(change.conversationId());
            requireState(history != null, "conversation");
            append(history, change);
        }

        @Override
        public List<AssignmentChange> assignmentHistory(ConversationId conversation) {
            checkOpen();
            return List.copyOf(data.assignments.getOrDefault(conversation, List.of()));
        }

        // ----- counters -----

        @Override
        public InboxCounters counters() {
            checkOpen();
            return data.counters;
        }

        @Override
        public void adjustCounters(long openDelta, long closedDelta, long unreadConversationsDelta) {
            checkOpen();
            InboxCounters previous = data.counters;
            data.counters = new InboxCounters(
                    previous.openConversations() + openDelta,
                    previous.closedConversations() + closedDelta,
                    previous.unreadConversations() + unreadConversationsDelta);
            undo.push(() -> data.counters = previous);
        }

        private static void requireState(boolean exists, String what) {
            if (!exists) {
                throw new IllegalStateException("no such " + what + " in this account: update only what the transaction read");
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryInboxStore[" + accounts.size() + " accounts]";
    }

}
