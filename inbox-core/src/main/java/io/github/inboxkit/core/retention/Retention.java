package io.github.inboxkit.core.retention;

import io.github.inboxkit.core.account.AccountId;

/**
 * The retention purge (F30): deletes messages older than each account's window (its {@link
 * RetentionPolicy}), then the conversations left with no message, then, as the policy says,
 * superseded opt-out records and ownership history, delivery reports that matched no message in
 * time and idempotency keys past their window (F46). It works in bounded batches of one
 * transaction each, so it is safe to run while traffic continues and from several nodes; counters
 * stay exact. Messages still waiting to be sent are never purged. A host runs it from its own
 * scheduler, e.g. hourly or nightly; InboxKit owns no thread for it.
 *
 * <p>Reached as {@code InboxKit.retention()}, whether or not a carrier is registered. Thread-safe.
 */
public interface Retention {

    /**
     * Purges every account.
     *
     * @return what was removed
     * @throws io.github.inboxkit.core.store.StoreException if the store fails; what committed before stays purged
     */
    PurgeSummary purgeExpired();

    /**
     * Purges one account, batch after batch until nothing old is left.
     *
     * @param account the account; an unknown one purges nothing
     * @return what was removed
     * @throws io.github.inboxkit.core.MissingValueException if the account is null
     * @throws io.github.inboxkit.core.store.StoreException if the store fails; what committed before stays purged
     */
    PurgeSummary purgeExpired(AccountId account);
}
