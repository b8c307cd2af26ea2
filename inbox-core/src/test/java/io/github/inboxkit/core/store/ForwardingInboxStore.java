package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sending store that forwards every call to another one, for tests that wrap a real store to
 * inject a database's faults or pauses: a wrapper overrides only what it changes, and a method the
 * store port gains is forwarded here once. Thread-safe if the store it forwards to is.
 */
public class ForwardingInboxStore implements InboxStore {

    /** The store every call goes to. */
    protected final InboxStore delegate;

    /**
     * @param delegate the store every call goes to
     */
    public ForwardingInboxStore(InboxStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        return delegate.inTransaction(account, work);
    }

    @Override
    public List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        return delegate.accountsWithClaimableOutbox(now, limit);
    }

    @Override
    public List<AccountId> accountsWithQueuedRecipients(int limit) {
        return delegate.accountsWithQueuedRecipients(limit);
    }

    @Override
    public List<AccountId> listAccountIds() {
        return delegate.listAccountIds();
    }

    @Override
    public Optional<AccountId> accountOwningNumber(String number) {
        return delegate.accountOwningNumber(number);
    }
}
