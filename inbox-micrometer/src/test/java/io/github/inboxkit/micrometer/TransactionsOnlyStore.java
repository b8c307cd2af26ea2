package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.InboxStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A test store that implements transactions only: the reads across accounts, which these tests
 * never reach, refuse to run.
 */
interface TransactionsOnlyStore extends InboxStore {

    @Override
    default List<AccountId> accountsWithClaimableOutbox(Instant now, int limit) {
        throw new UnsupportedOperationException("not used by this test");
    }

    @Override
    default List<AccountId> accountsWithQueuedRecipients(int limit) {
        throw new UnsupportedOperationException("not used by this test");
    }

    @Override
    default List<AccountId> listAccountIds() {
        throw new UnsupportedOperationException("not used by this test");
    }

    @Override
    default Optional<AccountId> accountOwningNumber(String number) {
        throw new UnsupportedOperationException("not used by this test");
    }
}
