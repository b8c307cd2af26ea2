package io.github.inboxkit.core.event;

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
}
