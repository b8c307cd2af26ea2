package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.AccountId;

/**
 * Port: where InboxKit keeps its data. Every use case runs as exactly one call of {@link
 * #inTransaction}, an atomic transaction scoped to one account: the {@link AccountTransaction} it
 * hands out reads and writes only that account's rows (architecture invariants 1, 6 and 7).
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
 *       AccountTransaction#adjustCounters} serialises on the account's counters row. The engine
 *       locks conversations before it adjusts counters. Read-committed isolation is enough.
 *   <li><b>Unique keys</b> (all lead with the account): account id; user id; contact id and contact
 *       phone; conversation id and conversation contact phone; message id, message (conversation,
 *       sequence) and message carrier id; for the sending pipeline also an idempotency key (F46);
 *       and one key that does not: a receiving number belongs to at most one account of the store
 *       ({@link AccountTransaction#claimNumber}). Inserting a taken key, or any deadlock or
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
     * {@link AccountTransaction#insertAccount} can create it).
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
}
