package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.webhook.Webhooks;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import io.github.inboxkit.micrometer.UnsupportedStoreException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine measured by inbox-micrometer's {@link InboxKitMetrics}. Thread-safe. */
final class MicrometerInstrumentation implements InboxKitInstrumentation {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerInstrumentation.class);

    private final InboxKitMetrics metrics;

    MicrometerInstrumentation(InboxKitMetrics metrics) {
        this.metrics = metrics;
    }

    InboxKitMetrics metrics() {
        return metrics;
    }

    @Override
    public Carrier carrier(Carrier carrier) {
        return metrics.carrier(carrier);
    }

    @Override
    public Dispatcher dispatcher(Dispatcher dispatcher) {
        return metrics.dispatcher(dispatcher);
    }

    @Override
    public Webhooks webhooks(Webhooks webhooks) {
        return metrics.webhooks(webhooks);
    }

    @Override
    public InboxEventListener eventListener() {
        return metrics.eventListener();
    }

    @Override
    public void bind(InboxKit kit, InboxStore store, Clock clock) {
        try {
            metrics.bindQueueDepth(store, clock);
        } catch (UnsupportedStoreException cannotCount) {
            LOG.info("InboxKit queue depth gauges left out: the store {} cannot count its outbox",
                    store.getClass().getName());
        }
    }

    @Override
    public void runnerStarted(DispatcherRunner runner) {
        metrics.bindRunner(runner);
    }

    @Override
    public void runnerStopped(DispatcherRunner runner) {
        metrics.unbindRunner(runner);
    }

    @Override
    public void purged(PurgeSummary summary) {
        metrics.recordPurge(summary);
    }
}
