package io.github.inboxkit.core.store;

/**
 * A store capability: ingestion's common case in one step, typically one statement on a SQL
 * database, where the engine otherwise reads and writes the thread, the message and the counters
 * one operation at a time. A transaction ({@link StoreTransaction}) that offers it implements
 * this interface too; the engine uses it for inbound messages that are no opt-out or opt-in
 * keyword, and takes its general path when the transaction does not offer it or answers {@link
 * InboundAppendResult.NotApplied}.
 *
 * <p>What an implementation must do, in the transaction and as the engine's general path would:
 *
 * <ol>
 *   <li>If an inbound message of the account has the carrier message id, change nothing and return
 *       it with its conversation ({@link InboundAppendResult.Duplicate}, architecture invariant 4),
 *       or answer {@link InboundAppendResult.NotApplied} and let the engine's general path find it
 *       (the JDBC store does so: its statement finds a repeat on the message's unique key, which
 *       fails and rolls it back whole).
 *   <li>Lock the thread with the message's number. If it exists and is CLOSED or snoozed, or its
 *       last activity is before {@link InboundAppend#windowStart()}, change nothing and return
 *       {@link InboundAppendResult.NotApplied}: reopening, waking (F37) and starting afresh are the
 *       engine's. So too if the account blocked the number ({@link BlockRows}, F38): turning it away
 *       is the engine's.
 *   <li>Otherwise start the thread if there is none (the message's conversation id, OPEN,
 *       unassigned, created now) or resume it; store the message at the thread's next sequence;
 *       make the thread's preview the given one, its last activity the later of its own and the
 *       message's creation, its unread count one more; and move the counters in the same
 *       transaction (architecture invariant 7): open + 1 for a started thread, the badge + 1 for a
 *       thread that had no unread message.
 *   <li>Of two transactions storing the same carrier message id at once, never both commit: one
 *       fails with {@link StoreConflictException} (the engine then runs the use case again and
 *       finds the first result) or, having written nothing, answers {@link
 *       InboundAppendResult.NotApplied}. Two transactions starting one number's thread at once end with one
 *       thread, either by appending one after the other or by a conflict for one of them.
 * </ol>
 *
 * <p>The engine calls it before any other write of the transaction, and makes no other call in
 * the transaction after a {@link InboundAppendResult.Duplicate} or an {@link
 * InboundAppendResult.Appended}: so an implementation may commit the transaction with its own
 * statement (one round trip, and the counters' row lock held only while the database works), and
 * refuse any call after it. After {@link InboundAppendResult.NotApplied} the engine goes on in the
 * transaction by its general rules.
 *
 * <p>Not thread-safe, as the transaction that implements it.
 */
public interface InboundAppending {

    /**
     * Appends an inbound message to the thread of its number, or finds it stored before.
     *
     * @param append the message and what the thread rules need
     * @return what was done
     * @throws StoreConflictException if a concurrent transaction stored the same carrier message id
     *     (or started the same number's thread) first
     * @throws StoreException if the store failed
     */
    InboundAppendResult appendInbound(InboundAppend append);
}
