package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.store.SendingStore;
import io.github.inboxkit.core.store.SendingTransaction;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Runs a sending use case as one transaction (DESIGN invariant 1), again from the start when the
 * store reports a conflict (a concurrent transaction took a key first), and publishes its events
 * after the commit (invariant 2). Thread-safe.
 */
final class UseCaseRunner {

    private static final int ATTEMPTS = 5;

    private final SendingStore store;
    private final InboxEventListener listener;
    private final Clock clock;

    /**
     * @param store the store
     * @param listener the host's listener
     * @param clock the engine's clock
     */
    UseCaseRunner(SendingStore store, InboxEventListener listener, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the store */
    SendingStore store() {
        return store;
    }

    /**
     * The current time, truncated to microseconds as every store keeps it.
     *
     * @return now
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs the work in one transaction of the account, publishing its events after the commit.
     *
     * @param account the account
     * @param work the work, given the transaction and the events to collect
     * @param <T> what it returns
     * @return what the work returned
     * @throws StoreConflictException if the conflict persists after several attempts
     */
    <T> T run(AccountId account, BiFunction<SendingTransaction, Events, T> work) {
        for (int attempt = 1; ; attempt++) {
            Events events = new Events();
            T result;
            try {
                result = store.inSendingTransaction(account, tx -> work.apply(tx, events));
            } catch (StoreConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            events.publish(listener);
            return result;
        }
    }
}
