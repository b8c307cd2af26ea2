package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.List;

/**
 * One attempt of a use case inside one transaction: the transaction, the instant the use case
 * runs at, the counter deltas not yet written and the events to publish after the commit.
 *
 * <p>Counter deltas are written once, after every conversation lock was taken, so that every use
 * case locks in the same order (conversations, then the account's counters row).
 */
final class Step {

    final StoreTransaction tx;
    final Instant now;
    private final List<InboxEvent> events;
    private Account account;
    private long openDelta;
    private long closedDelta;
    private long unreadDelta;

    Step(StoreTransaction tx, Instant now, List<InboxEvent> events) {
        this.tx = tx;
        this.now = now;
        this.events = events;
    }

    /** The account of the transaction; refuses a missing one, once for the whole use case. */
    Account account() {
        if (account == null) {
            account = tx.accounts().findAccount().orElseThrow(() -> new NoSuchAccountException(tx.accountId()));
        }
        return account;
    }

    void adjust(long open, long closed, long unread) {
        openDelta += open;
        closedDelta += closed;
        unreadDelta += unread;
    }

    /** Writes pending deltas and reads the counters as this transaction leaves them. */
    InboxCounters counters() {
        flushCounters();
        return tx.counters().counters();
    }

    void flushCounters() {
        if (openDelta != 0 || closedDelta != 0 || unreadDelta != 0) {
            tx.counters().adjustCounters(openDelta, closedDelta, unreadDelta);
            openDelta = 0;
            closedDelta = 0;
            unreadDelta = 0;
        }
    }

    void publish(InboxEvent event) {
        events.add(event);
    }
}
