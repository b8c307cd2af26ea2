package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.internal.SendingSteps;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Runs a sending use case through the engine's unit of work ({@link SendingSteps}): one transaction
 * (architecture invariant 1), again from the start on a store conflict, events published after the
 * commit (invariant 2). It only adapts the engine's scope to the sending code's
 * {@code (transaction, events)} shape. Thread-safe.
 */
final class UseCaseRunner {

    private final SendingSteps steps;

    UseCaseRunner(InboxStore store, InboxEventListener listener, Clock clock) {
        this.steps = new SendingSteps(store, clock, listener);
    }

    InboxStore store() {
        return steps.store();
    }

    /** The engine's now, truncated to the microseconds every store keeps. */
    Instant now() {
        return steps.now();
    }

    /** Runs the work in one transaction of the account; its events are published after the commit. */
    <T> T run(AccountId account, BiFunction<StoreTransaction, Events, T> work) {
        return steps.run(account, scope -> work.apply(scope.tx(), new Events(scope)));
    }
}
