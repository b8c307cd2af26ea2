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
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each use case as one transaction of the store, retries it when the store reports a
 * conflict (a concurrent transaction took a unique key first), and publishes its events after the
 * commit only. Thread-safe.
 */
final class UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWork.class);

    private final InboxStore store;
    private final Clock clock;
    private final InboxEventListener listener;
    private final int maxAttempts;

    UnitOfWork(InboxStore store, Clock clock, InboxEventListener listener, int maxAttempts) {
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.maxAttempts = maxAttempts;
    }

    <T> T run(AccountId account, Function<Step, T> work) {
        return retrying(account, events -> store.inTransaction(account, tx -> inStep(tx, events, work)));
    }

    /**
     * Runs a sending use case the same way, in a transaction that also reaches the outbox (the
     * sending pipeline's one door into the engine: {@link SendingSteps}).
     */
    <T> T runSending(InboxStore sendingStore, AccountId account, BiFunction<StoreTransaction, Step, T> work) {
        return retrying(account, events -> sendingStore.inTransaction(account,
                tx -> inStep(tx, events, step -> work.apply(tx, step))));
    }

    private <T> T inStep(StoreTransaction tx, List<InboxEvent> events, Function<Step, T> work) {
        Step step = new Step(tx, now(), events);
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

    /** The engine's notion of now: the injected clock, at the microsecond precision stores keep. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    void publish(List<InboxEvent> events) {
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
