package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.CounterRows;
import io.github.inboxkit.core.inbox.InboxCounters;

/**
 * The inbox counters (F11) on the SQL schema: the statements of {@code account_counters} only,
 * every one filtered by the transaction's account, which leads every key and index (architecture
 * invariant 6), so that an id of another account reads as a missing row. One of the ports a {@link
 * JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiCounterRows extends JdbiRows implements CounterRows {

    private final JdbiStoreTransaction tx;

    JdbiCounterRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    // ----- counters ---------------------------------------------------------------------------

    @Override
    public InboxCounters counters() {
        return run("read counters", () -> handle()
                .createQuery("SELECT open_conversations, closed_conversations, unread_conversations"
                        + " FROM account_counters WHERE account_id = :account")
                .bind("account", account)
                .map((rs, ctx) -> new InboxCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .findOne()
                .orElseGet(InboxCounters::zero));
    }

    /** Creates the counters row of a new account, all zero (see {@link JdbiAccountRows#insertAccount}). */
    void insertZeroCounters() {
        run("insert account counters", () -> handle()
                .createUpdate("INSERT INTO account_counters (account_id) VALUES (:account)")
                .bind("account", account)
                .execute());
    }

    @Override
    public void adjustCounters(long openDelta, long closedDelta, long unreadConversationsDelta) {
        if (openDelta == 0 && closedDelta == 0 && unreadConversationsDelta == 0) {
            return;
        }
        int updated = run("adjust counters", () -> handle()
                .createUpdate("UPDATE account_counters SET open_conversations = open_conversations + :open,"
                        + " closed_conversations = closed_conversations + :closed,"
                        + " unread_conversations = unread_conversations + :unread WHERE account_id = :account")
                .bind("account", account)
                .bind("open", openDelta)
                .bind("closed", closedDelta)
                .bind("unread", unreadConversationsDelta)
                .execute());
        if (updated == 0) {
            // counters of an account created before its counters row existed (or by a host's import)
            run("create counters", () -> handle()
                    .createUpdate("INSERT INTO account_counters (account_id, open_conversations,"
                            + " closed_conversations, unread_conversations) VALUES (:account, :open, :closed, :unread)")
                    .bind("account", account)
                    .bind("open", openDelta)
                    .bind("closed", closedDelta)
                    .bind("unread", unreadConversationsDelta)
                    .execute());
        }
    }
}
