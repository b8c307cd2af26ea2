package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.ForwardingInboxStore;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.TransactionWork;
import io.github.inboxkit.core.store.StoreException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sending store whose transactions fail on demand, as a database does when its connection is
 * lost: before anything is written, or after the commit when only the acknowledgement is lost.
 * Thread-safe.
 */
final class FlakyStore extends ForwardingInboxStore {

    private final AtomicInteger failBefore = new AtomicInteger();
    private final AtomicInteger loseAcknowledgements = new AtomicInteger();
    private final AtomicReference<AccountId> down = new AtomicReference<>();
    final AtomicInteger failures = new AtomicInteger();

    FlakyStore(InboxStore delegate) {
        super(delegate);
    }

    /** The next {@code count} sending transactions fail before writing anything. */
    void failNext(int count) {
        failBefore.set(count);
    }

    /** The next {@code count} sending transactions commit, then fail as if the acknowledgement was lost. */
    void loseNextAcknowledgements(int count) {
        loseAcknowledgements.set(count);
    }

    /** Every sending transaction of the account fails until {@link #heal()}. */
    void downFor(AccountId account) {
        down.set(account);
    }

    void heal() {
        down.set(null);
        failBefore.set(0);
        loseAcknowledgements.set(0);
    }

    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        if (account.equals(down.get()) || failBefore.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failures.incrementAndGet();
            throw new StoreException("simulated: the connection to the database was lost");
        }
        T result = delegate.inTransaction(account, work);
        if (loseAcknowledgements.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failures.incrementAndGet();
            throw new StoreException("simulated: committed, but the acknowledgement was lost");
        }
        return result;
    }
}
