package io.github.inboxkit.core.event;

import java.util.Objects;

/**
 * Port: receives the events of every account, after the change they describe has been committed
 * (architecture invariant 2), on the thread that made the change, in the order of the changes of that
 * thread. It is called outside any transaction and with no lock of the engine or of the
 * in-memory store held, so it may read the store or run use cases (of any account, the event's
 * included) and sees the change it is told about.
 *
 * <p>A listener that throws does not undo anything: InboxKit logs the failure at WARN (event type
 * and account id only, no personal data) and goes on with the next event. Listeners should be quick
 * and hand slow work (pushing a browser notification) to the host's own machinery.
 *
 * <p>Implementations must be thread-safe: many threads deliver events at once.
 */
@FunctionalInterface
public interface InboxEventListener {

    /**
     * Receives one event.
     *
     * @param event what happened
     */
    void onEvent(InboxEvent event);

    /**
     * A listener that ignores every event.
     *
     * @return the listener
     */
    static InboxEventListener none() {
        return event -> {};
    }

    /**
     * A listener that hands each event to {@code first}, then to {@code second}: how a host chains a
     * library's listener (metrics, say) with its own. If {@code first} throws, {@code second} still
     * receives the event, and the failure is then rethrown (the engine logs it at WARN, as for any
     * listener); if both throw, the second failure is added to the first as suppressed.
     *
     * <p>Thread-safe if both listeners are.
     *
     * @param first the listener called first
     * @param second the listener called second
     * @return the chained listener
     * @throws NullPointerException if a listener is null
     */
    static InboxEventListener both(InboxEventListener first, InboxEventListener second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return event -> {
            RuntimeException failure = null;
            try {
                first.onEvent(event);
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                second.onEvent(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
            if (failure != null) {
                throw failure;
            }
        };
    }
}
