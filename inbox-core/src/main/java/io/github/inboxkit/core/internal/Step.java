package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One attempt of a use case inside one transaction of the {@link UnitOfWork}: the transaction, the
 * instant the use case runs at, the counter deltas not yet written, the events to publish after the
 * commit, and the thread rules ({@link Threads}) every recorded message follows.
 *
 * <p>Counter deltas are written once, after every conversation lock was taken, so that every use
 * case locks in the same order (conversations, then the account's counters row).
 *
 * <p>Public for the engine's own {@code internal} packages only; no compatibility promise. Not
 * thread-safe: one per attempt.
 */
public final class Step {

    final StoreTransaction tx;
    final Instant now;
    private final List<InboxEvent> events;
    final ConsentReplyQueue replies;
    private Account account;
    private long openDelta;
    private long closedDelta;
    private long unreadDelta;

    Step(StoreTransaction tx, Instant now, List<InboxEvent> events, ConsentReplyQueue replies) {
        this.tx = tx;
        this.now = now;
        this.events = events;
        this.replies = replies;
    }

    /** @return the transaction, valid during the attempt only */
    public StoreTransaction tx() {
        return tx;
    }

    /** @return the instant the use case runs at, truncated as stores keep it */
    public Instant now() {
        return now;
    }

    /**
     * The account of the transaction; refuses a missing one, once for the whole use case.
     *
     * @return the account
     * @throws NoSuchAccountException if the account does not exist
     */
    public Account account() {
        if (account == null) {
            account = tx.accounts().findAccount().orElseThrow(() -> new NoSuchAccountException(tx.accountId()));
        }
        return account;
    }

    /**
     * A user of the account, as every use case that names a user (an agent acting, an author, an
     * assignee) refuses one the account does not have.
     *
     * @param id the user's id
     * @return the user
     * @throws NoSuchUserException if the account has no such user
     */
    public User user(UserId id) {
        return tx.team().findUser(id).orElseThrow(() -> new NoSuchUserException(id));
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

    /**
     * Collects an event, published after the commit; dropped if the attempt is run again.
     *
     * @param event the event
     */
    public void publish(InboxEvent event) {
        events.add(event);
    }

    /**
     * Appends one message to the thread of each of many numbers, by the thread rules every use case
     * follows (one thread per number, started afresh after the window, reopened by activity), with
     * one lock statement and one write per table rather than a few statements per number (F3, F4,
     * F11, F19).
     *
     * @param phones the numbers, each once
     * @param messageFor the message for the i-th number's locked thread, with the thread's next sequence
     * @param afterEach called with each number's index once its thread events were collected, so
     *     that the caller's own events for it follow them
     * @return the threads after their messages, in the order of {@code phones}
     * @throws IllegalArgumentException if a number comes twice
     * @throws io.github.inboxkit.core.store.StoreConflictException if another transaction started
     *     one of the threads meanwhile (the use case is then run again)
     */
    public List<Conversation> appendToNumbers(List<PhoneNumber> phones, MessageFor messageFor, IntConsumer afterEach) {
        return Threads.appendToNumbers(this, phones, messageFor, afterEach);
    }

    /** Builds the message for the thread of the i-th number of {@link #appendToNumbers}. */
    @FunctionalInterface
    public interface MessageFor {
        /**
         * @param index the number's index
         * @param thread its locked thread, before the message
         * @return the message, with the thread's next sequence
         */
        Message message(int index, Conversation thread);
    }
}
