package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where InboxKit keeps its data. Every use case runs as exactly one call of {@link
 * #inTransaction}, an atomic transaction scoped to one account: the {@link StoreTransaction} it
 * hands out reads and writes only that account's rows (architecture invariants 1, 6 and 7), through
 * one port per aggregate. Every store keeps the outbox (architecture invariant 3), so that a message
 * is queued in the same transaction that records it in its thread.
 *
 * <h2>What an implementation must guarantee</h2>
 *
 * <ul>
 *   <li><b>All or nothing.</b> If the work returns, everything it wrote is committed; if it throws,
 *       nothing it wrote remains, and the exception propagates unchanged (a failure of the commit
 *       itself is thrown as a {@link StoreException}, whose outcome may be unknown: the commit may
 *       have been written and its acknowledgement lost).
 *   <li><b>Locks.</b> The {@code lock...} operations lock the row they return (or, on PostgreSQL,
 *       {@code SELECT ... FOR UPDATE}) until the transaction ends; {@link
 *       CounterRows#adjustCounters} serialises on the account's counters row. The engine
 *       locks conversations before it adjusts counters. Read-committed isolation is enough.
 *   <li><b>Unique keys</b> (all lead with the account): account id; user id; contact id and contact
 *       phone; conversation id and conversation contact phone; message id, message (conversation,
 *       sequence) and message carrier id; for the sending pipeline also an idempotency key (F46);
 *       and one key that does not: a receiving number belongs to at most one account of the store
 *       ({@link AccountRows#claimNumber}). Inserting a taken key, or any deadlock or
 *       serialization failure, throws {@link StoreConflictException}; the engine retries the whole
 *       use case.
 *   <li><b>Tenancy.</b> A transaction never reads or writes a row of another account; a row of
 *       another account looks exactly like a missing row.
 *   <li><b>No nesting.</b> The engine never calls {@code inTransaction} from inside a transaction.
 *   <li><b>Times</b> are stored with at least microsecond precision and read back equal (the engine
 *       truncates the clock to microseconds).
 * </ul>
 *
 * <p>Implementations are thread-safe: many threads run transactions at once.
 */
public interface InboxStore {

    /**
     * Runs work in one transaction scoped to an account. The account need not exist yet (so that
     * {@link AccountRows#insertAccount} can create it).
     *
     * @param account the account every operation of the transaction is scoped to
     * @param work the work; it must not keep the transaction beyond the call
     * @param <T> what the work returns
     * @return what the work returned, after the commit
     * @throws StoreConflictException if a concurrent transaction took a unique key or the database
     *     aborted the transaction to resolve a conflict; nothing was written
     * @throws StoreException if the store failed; nothing was written, unless the commit itself
     *     failed: then the outcome is unknown (the commit may have been written and its
     *     acknowledgement lost), which is what a send's idempotency key is for
     * @throws RuntimeException whatever the work threw, after the rollback
     */
    <T> T inTransaction(AccountId account, TransactionWork<T> work);

    /**
     * The accounts with at least one outbox entry claimable at {@code now}, so that a dispatcher
     * can then claim in transactions scoped to each. Not transactional: an account may have no
     * claimable entry any more by the time it is claimed from.
     *
     * @param now the current time
     * @param limit the most accounts, at least 1
     * @return the accounts, in a stable order
     * @throws StoreException if the store failed
     */
    List<AccountId> accountsWithClaimableOutbox(Instant now, int limit);

    /**
     * The accounts with at least one queued broadcast recipient (see {@link
     * BroadcastRows#takeQueuedRecipients}), so that a dispatcher can then take them in transactions
     * scoped to each. Not transactional, like {@link #accountsWithClaimableOutbox}.
     *
     * @param limit the most accounts, at least 1
     * @return the accounts, in a stable order
     * @throws StoreException if the store failed
     */
    List<AccountId> accountsWithQueuedRecipients(int limit);

    /**
     * The accounts with at least one snoozed conversation whose wake time is at or before {@code
     * now} (F37), so that a waker can then wake them in transactions scoped to each. Not
     * transactional, like {@link #accountsWithClaimableOutbox}.
     *
     * <p>The default lists every account ({@link #listAccountIds()}), which is correct and slow; a
     * store overrides it with an index.
     *
     * @param now the current time
     * @param limit the most accounts, at least 1
     * @return the accounts, in a stable order
     * @throws StoreException if the store failed
     */
    default List<AccountId> accountsWithDueSnoozes(Instant now, int limit) {
        List<AccountId> all = listAccountIds();
        return all.size() <= limit ? all : all.subList(0, limit);
    }

    /**
     * Every account of the store, for the retention purge.
     *
     * @return the account ids, in a stable order
     * @throws StoreException if the store failed
     */
    List<AccountId> listAccountIds();

    /**
     * Which account owns a receiving number ({@link AccountRows#claimNumber}), so that a carrier's
     * webhook reaches the right account (F45). One primary-key read, outside any transaction: a
     * number claimed or released concurrently may be seen either way.
     *
     * @param number a number in canonical form
     * @return the owning account, empty if no account owns the number
     * @throws StoreException if the store failed
     */
    Optional<AccountId> accountOwningNumber(String number);
}
