package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.store.InboxStore;

/**
 * What the metrics auto-configuration adds around the engine, without the engine's
 * auto-configuration naming any Micrometer type: carriers and the dispatcher wrapped so that they
 * are measured, a listener that counts events, and gauges bound once the engine exists.
 */
interface InboxKitInstrumentation {

    Carrier carrier(Carrier carrier);

    Dispatcher dispatcher(Dispatcher dispatcher);

    InboxEventListener eventListener();

    void bind(InboxKit kit, InboxStore store);
}
