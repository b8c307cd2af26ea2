package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.webhook.Webhooks;
import java.time.Clock;

/**
 * What the metrics auto-configuration adds around the engine, so that the engine's
 * auto-configuration names no Micrometer type: carriers, the dispatcher and the webhook front
 * door wrapped so that they are measured, a listener that counts events, gauges bound once the
 * engine exists, and the lifecycles' runners and purges reported. Implementations are thread-safe.
 */
interface InboxKitInstrumentation {

    Carrier carrier(Carrier carrier);

    Dispatcher dispatcher(Dispatcher dispatcher);

    Webhooks webhooks(Webhooks webhooks);

    InboxEventListener eventListener();

    void bind(InboxKit kit, InboxStore store, Clock clock);

    void runnerStarted(DispatcherRunner runner);

    void runnerStopped(DispatcherRunner runner);

    void purged(PurgeSummary summary);

    /** Nothing measured: what the lifecycles use when Micrometer or inbox-micrometer is absent. */
    InboxKitInstrumentation NONE = new InboxKitInstrumentation() {
        @Override
        public Carrier carrier(Carrier carrier) {
            return carrier;
        }

        @Override
        public Dispatcher dispatcher(Dispatcher dispatcher) {
            return dispatcher;
        }

        @Override
        public Webhooks webhooks(Webhooks webhooks) {
            return webhooks;
        }

        @Override
        public InboxEventListener eventListener() {
            return InboxEventListener.none();
        }

        @Override
        public void bind(InboxKit kit, InboxStore store, Clock clock) {}

        @Override
        public void runnerStarted(DispatcherRunner runner) {}

        @Override
        public void runnerStopped(DispatcherRunner runner) {}

        @Override
        public void purged(PurgeSummary summary) {}
    };
}
