package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.conversation.MessageStatus;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.store.QueueDepth;
import io.github.inboxkit.core.store.StoreConflictException;
import io.github.inboxkit.core.store.TransactionWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

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
 * <p>The transaction ({@code MemoryTransaction}) hands out one view per aggregate ({@code
 * MemoryMessages}, {@code MemoryOutbox}, ...), each over its own tables of the account; this class
 * holds only the accounts, their locks and the transaction plumbing.
 *
 * <p>Thread-safe. Listing is a scan of the account's conversations: fine for tests and small
 * accounts, not a production store.
 */
public final class InMemoryInboxStore implements InboxStore, OutboxStatistics {

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
                    if (created.exists()) {
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

    // ----- reads across accounts -----

    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        return accountsWhere(limit, data -> data.outbox.hasClaimable(now));
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
    public List<AccountId> accountsWithDueSnoozes(Instant now, int limit) {
        return accountsWhere(limit, data -> data.conversations.conversations.values().stream()
                .anyMatch(conversation -> MemoryConversations.isDue(conversation, now)));
    }

    @Override
    public List<AccountId> accountsWithQueuedRecipients(int limit) {
        return accountsWhere(limit, data -> !data.broadcasts.queued.isEmpty());
    }

    private List<AccountId> accountsWhere(int limit, Predicate<AccountData> test) {
        List<AccountId> found = new ArrayList<>();
        for (AccountData data : new TreeMap<>(accounts).values()) {
            if (found.size() >= limit) {
                break;
            }
            data.lock.lock();
            try {
                if (test.test(data)) {
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

    @Override
    public String toString() {
        return "InMemoryInboxStore[" + accounts.size() + " accounts]";
    }

}
