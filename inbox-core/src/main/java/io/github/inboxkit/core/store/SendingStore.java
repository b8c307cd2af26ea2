package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that also keeps the outbox (architecture invariant 3): the in-memory store and the JDBC store
 * implement it. A sending transaction is an ordinary {@link AccountTransaction} with the
 * operations of {@link SendingTransaction}, so that a message is queued in the same transaction
 * that records it in its thread.
 *
 * <p>Implementations are thread-safe.
 */
public interface SendingStore extends InboxStore {

    /**
     * Runs work in one transaction scoped to an account, with the sending operations; the same
     * guarantees as {@link #inTransaction}.
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
     */
    <T> T inSendingTransaction(AccountId account, SendingWork<T> work);

    /**
     * The accounts with at least one outbox entry claimable at {@code now}, so that a dispatcher
     * can then claim in transactions scoped to each. Not transactional: an account may have no
     * claimable entry any more by the time it is claimed from.
     *
     * @param now the current time
     * @param limit the most accounts, at least 1
     * @return the accounts, in a stable order
     */
    List<AccountId> accountsWithClaimableOutbox(Instant now, int limit);

    /**
     * The accounts with at least one queued broadcast recipient (see
     * {@link SendingTransaction#takeQueuedRecipients}), so that a dispatcher can then take them in
     * transactions scoped to each. Not transactional, like {@link #accountsWithClaimableOutbox}.
     *
     * @param limit the most accounts, at least 1
     * @return the accounts, in a stable order
     */
    List<AccountId> accountsWithQueuedRecipients(int limit);

    /**
     * Every account of the store, for the retention purge.
     *
     * @return the account ids, in a stable order
     */
    List<AccountId> listAccountIds();

    /**
     * Which account owns a receiving number ({@link AccountTransaction#claimNumber}), so that a
     * carrier's webhook reaches the right account (F45). One primary-key read, outside any
     * transaction: a number claimed or released concurrently may be seen either way.
     *
     * @param number a number in canonical form
     * @return the owning account, empty if no account owns the number
     * @throws StoreException if the store failed
     */
    Optional<AccountId> accountOwningNumber(String number);
}
