package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import java.util.List;

/**
 * The one listener the auto-configured engine is built with: hands each event, after commit, to
 * every sink in turn (Spring's event publisher, the metrics binder, the application's own
 * listeners). A sink that throws does not keep the event from the others; the first failure is
 * thrown at the end, with the others suppressed, and the engine logs it.
 *
 * <p>Thread-safe if the sinks are.
 */
final class EventRelay implements InboxEventListener {

    private final List<InboxEventListener> sinks;

    EventRelay(List<InboxEventListener> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void onEvent(InboxEvent event) {
        RuntimeException failure = null;
        for (InboxEventListener sink : sinks) {
            try {
                sink.onEvent(event);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
