package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The engine's pieces the sending pipeline ({@code core.sending.internal}) reuses, so that its use
 * cases run through the engine's {@link UnitOfWork} (one transaction, retried on a store conflict,
 * events published after the commit, the clock truncated as stores keep it) and the messages it
 * records follow the engine's thread rules ({@link Threads}: one thread per number, resumed afresh
 * after the window, reopened, counters, preview). The only public door from the sending machinery
 * into the engine's package-private classes; no compatibility promise.
 *
 * <p>Thread-safe.
 */
public final class SendingSteps {

    private final InboxStore store;
    private final UnitOfWork unitOfWork;

    /**
     * Creates the door on a store.
     *
     * @param store the store, which keeps the outbox
     * @param clock the engine's clock
     * @param listener receives the events after each commit
     */
    public SendingSteps(InboxStore store, Clock clock, InboxEventListener listener) {
        this.store = Objects.requireNonNull(store, "store");
        this.unitOfWork = new UnitOfWork(store, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(listener, "listener"), Engine.MAX_ATTEMPTS);
    }

    /** @return the store */
    public InboxStore store() {
        return store;
    }

    /** @return the engine's now, truncated to the microseconds stores keep */
    public Instant now() {
        return unitOfWork.now();
    }

    /**
     * Runs a sending use case as one transaction, again from the start on a store conflict, and
     * publishes what it collected after the commit.
     *
     * @param account the account
     * @param work the work, given one attempt's scope
     * @param <T> what it returns
     * @return what the work returned
     * @throws io.github.inboxkit.core.store.StoreConflictException if the conflict persists
     */
    public <T> T run(AccountId account, Function<Scope, T> work) {
        return unitOfWork.runSending(store, account, (tx, step) -> work.apply(new Scope(tx, step)));
    }

    /** One attempt of a sending use case: its transaction, its events and the thread rules. Not thread-safe. */
    public static final class Scope {
        private final StoreTransaction tx;
        private final Step step;

        private Scope(StoreTransaction tx, Step step) {
            this.tx = tx;
            this.step = step;
        }

        /** @return the transaction, valid during the attempt only */
        public StoreTransaction tx() {
            return tx;
        }

        /**
         * Collects an event, published after the commit.
         *
         * @param event the event
         */
        public void publish(InboxEvent event) {
            step.publish(event);
        }

        /**
         * Appends one message to the thread of each of many numbers, by the thread rules every engine
         * use case follows (one thread per number, started afresh after the window, reopened by
         * activity), with one lock statement and one write per table rather than a few statements
         * per number (F3, F4, F11, F19).
         *
         * @param phones the numbers, each once
         * @param messageFor the message for the i-th number's locked thread, with the thread's next sequence
         * @param afterEach called with each number's index once its thread events were collected,
         *     so that the caller's own events for it follow them
         * @return the threads after their messages, in the order of {@code phones}
         * @throws IllegalArgumentException if a number comes twice
         * @throws io.github.inboxkit.core.store.StoreConflictException if another transaction
         *     started one of the threads meanwhile (the use case is then retried)
         */
        public List<Conversation> appendToNumbers(List<PhoneNumber> phones, MessageFor messageFor,
                IntConsumer afterEach) {
            return Threads.appendToNumbers(step, phones, messageFor, afterEach);
        }
    }

    /** Builds the message for the thread of the i-th number of {@link Scope#appendToNumbers}. */
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
