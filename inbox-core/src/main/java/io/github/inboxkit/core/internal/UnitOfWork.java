package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.store.StoreTransaction;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every use case runs, inbound, conversation, sending and retention alike: one
 * transaction of the store (architecture invariant 1), run again from the start when the store
 * reports a conflict (a concurrent transaction took a unique key first), its events collected in
 * one buffer per attempt and published after the commit only (invariant 2), and the clock read at
 * the microsecond precision stores keep. Each attempt gets a {@link Step}: the transaction, now,
 * the event buffer, the counters and the thread rules.
 *
 * <p>Public for the engine's own {@code internal} packages only; no compatibility promise.
 * Thread-safe.
 */
public final class UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWork.class);

    /** How often a use case runs again after store conflicts before the conflict is thrown. */
    static final int MAX_ATTEMPTS = 10;

    private final InboxStore store;
    private final Clock clock;
    private final InboxEventListener listener;
    private final int maxAttempts;
    private volatile ConsentReplyQueue consentReplies = ConsentReplyQueue.NONE;

    /**
     * Creates the unit of work of one engine.
     *
     * @param store the store
     * @param clock the engine's clock
     * @param listener receives the events after each commit
     */
    public UnitOfWork(InboxStore store, Clock clock, InboxEventListener listener) {
        this(store, clock, listener, MAX_ATTEMPTS);
    }

    UnitOfWork(InboxStore store, Clock clock, InboxEventListener listener, int maxAttempts) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxAttempts = maxAttempts;
    }

    /**
     * Runs a use case in one transaction of the account.
     *
     * @param account the account
     * @param work the work, given one attempt's step
     * @param <T> what it returns
     * @return what the work returned, after its events were published
     * @throws StoreConflictException if the conflict persists after every attempt
     */
    public <T> T run(AccountId account, Function<Step, T> work) {
        return retrying(account, events -> store.inTransaction(account, tx -> inStep(tx, events, work)));
    }

    /**
     * Runs a use case the same way, for work that names the transaction beside the step.
     *
     * @param account the account
     * @param work the work, given the transaction and one attempt's step (whose {@link Step#tx()}
     *     is the same transaction)
     * @param <T> what it returns
     * @return what the work returned, after its events were published
     * @throws StoreConflictException if the conflict persists after every attempt
     */
    public <T> T run(AccountId account, BiFunction<StoreTransaction, Step, T> work) {
        return run(account, step -> work.apply(step.tx(), step));
    }

    /**
     * Sets where the consent rules queue automatic replies (F42); the front door calls it once,
     * while it builds the engine, when sending is configured.
     *
     * @param queue the sending machinery's queue
     */
    public void sendConsentRepliesTo(ConsentReplyQueue queue) {
        this.consentReplies = Objects.requireNonNull(queue, "queue");
    }

    /**
     * The store, for the look-ups across accounts the dispatcher and the retention purge make
     * outside a transaction.
     *
     * @return the store
     */
    public InboxStore store() {
        return store;
    }

    private <T> T inStep(StoreTransaction tx, List<InboxEvent> events, Function<Step, T> work) {
        Step step = new Step(tx, now(), events, consentReplies);
        T value = work.apply(step);
        step.flushCounters();
        return value;
    }

    private <T> T retrying(AccountId account, Function<List<InboxEvent>, T> transaction) {
        for (int attempt = 1; ; attempt++) {
            List<InboxEvent> events = new ArrayList<>();
            try {
                T result = transaction.apply(events);
                publish(events);
                return result;
            } catch (StoreConflictException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                LOG.debug("Store conflict in account {} (attempt {}), running the use case again", account, attempt);
            }
        }
    }

    /**
     * The engine's notion of now: the injected clock, at the microsecond precision stores keep.
     *
     * @return now
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Publishes events of a change that committed (or of none, such as an expired typing
     * indicator); a listener's failure is logged and never undoes the change.
     *
     * @param events the events, in order
     */
    public void publish(List<InboxEvent> events) {
        for (InboxEvent event : events) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // no personal data: the event type and account only, never the listener's message
                LOG.warn("InboxEventListener failed on {} in account {} with {}; the change stays committed",
                        event.getClass().getSimpleName(), event.account(), e.getClass().getName());
                LOG.debug("InboxEventListener failure", e);
            }
        }
    }
}
