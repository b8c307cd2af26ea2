package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.account.AccountId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One account's rows in the in-memory store, one table holder per aggregate; all guarded by
 * {@link #lock}, held for a whole transaction.
 */
final class AccountData {
    final AccountId id;
    final ReentrantLock lock = new ReentrantLock();
    final MemoryAccounts.Tables accounts;
    final MemoryTeam.Tables team = new MemoryTeam.Tables();
    final MemoryContacts.Tables contacts = new MemoryContacts.Tables();
    final MemoryConsent.Tables consent = new MemoryConsent.Tables();
    final MemoryConversations.Tables conversations = new MemoryConversations.Tables();
    final MemoryMessages.Tables messages = new MemoryMessages.Tables();
    final MemoryCounters.Tables counters = new MemoryCounters.Tables();
    final MemoryOutbox.Tables outbox = new MemoryOutbox.Tables();
    final MemoryBroadcasts.Tables broadcasts = new MemoryBroadcasts.Tables();
    final MemoryDeliveryReports.Tables reports = new MemoryDeliveryReports.Tables();
    final MemoryIdempotency.Tables idempotency = new MemoryIdempotency.Tables();
    final MemoryLabels.Tables labels = new MemoryLabels.Tables();
    final MemoryNotes.Tables notes = new MemoryNotes.Tables();
    final MemoryBlocks.Tables blocks = new MemoryBlocks.Tables();
    final MemoryErasures.Tables erasures = new MemoryErasures.Tables();
    final MemoryThroughput.Tables throughput = new MemoryThroughput.Tables();

    /**
     * @param id the account
     * @param numberOwners the store's receiving numbers, shared by every account
     */
    AccountData(AccountId id, ConcurrentHashMap<String, AccountId> numberOwners) {
        this.id = id;
        this.accounts = new MemoryAccounts.Tables(id, numberOwners);
    }

    /** @return whether the account row exists (committed, or written by the running transaction) */
    boolean exists() {
        return accounts.account != null;
    }
}
