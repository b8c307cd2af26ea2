package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener that counts the engine's events. Without account tags every counter is found by
 * index, with no registry lookup; with them, by the registry (one lookup per event).
 */
final class EventMeters implements InboxEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventMeters.class);

    private static final String RECEIVED_DESCRIPTION = "Inbound messages stored";
    private static final String OUTBOUND_DESCRIPTION = "Outbound messages recorded in a thread";
    private static final String STATUS_DESCRIPTION = "Outbound messages' status changes, by new status";
    private static final String HELD_DESCRIPTION = "Outbound messages held by quiet hours";
    private static final String RELEASED_DESCRIPTION = "Held outbound messages released at the window's opening";
    private static final String SUBSCRIPTIONS_DESCRIPTION = "Opt-outs and opt-ins, by action and source";

    private static final int SOURCES = OptOutSource.values().length;

    private final MeterRegistry registry;
    private final boolean tagAccounts;
    private final Counter received;
    private final Counter outbound;
    private final Counter held;
    private final Counter released;
    private final TagValues.Lazy<Counter> statuses;
    /** [action][source] */
    private final TagValues.Lazy<Counter> subscriptions;

    EventMeters(MeterRegistry registry, boolean tagAccounts) {
        this.registry = registry;
        this.tagAccounts = tagAccounts;
        if (tagAccounts) {
            this.received = null;
            this.outbound = null;
            this.held = null;
            this.released = null;
            this.statuses = null;
            this.subscriptions = null;
        } else {
            this.received = InboxKitMetrics.counter(registry, InboxKitMetrics.MESSAGES_RECEIVED, RECEIVED_DESCRIPTION);
            this.outbound = InboxKitMetrics.counter(registry, InboxKitMetrics.MESSAGES_OUTBOUND, OUTBOUND_DESCRIPTION);
            this.held = InboxKitMetrics.counter(registry, InboxKitMetrics.MESSAGES_HELD, HELD_DESCRIPTION);
            this.released = InboxKitMetrics.counter(registry, InboxKitMetrics.MESSAGES_RELEASED, RELEASED_DESCRIPTION);
            this.statuses = new TagValues.Lazy<>(MessageStatus.values().length, index -> InboxKitMetrics.counter(
                    registry, InboxKitMetrics.MESSAGE_STATUS, STATUS_DESCRIPTION,
                    "status", TagValues.of(MessageStatus.values()[index])));
            this.subscriptions = new TagValues.Lazy<>(OptOutAction.values().length * SOURCES, index ->
                    InboxKitMetrics.counter(registry, InboxKitMetrics.SUBSCRIPTIONS, SUBSCRIPTIONS_DESCRIPTION,
                            subscriptionTags(index)));
        }
    }

    @Override
    public void onEvent(InboxEvent event) {
        try {
            count(event);
        } catch (RuntimeException e) {
            // a meter filter or registry of the host's may throw: metrics never disturb the engine
            LOG.debug("counting an event failed", e);
        }
    }

    private void count(InboxEvent event) {
        if (event instanceof InboxEvent.MessageReceived) {
            counter(received, InboxKitMetrics.MESSAGES_RECEIVED, RECEIVED_DESCRIPTION, event).increment();
        } else if (event instanceof InboxEvent.OutboundMessageRecorded) {
            counter(outbound, InboxKitMetrics.MESSAGES_OUTBOUND, OUTBOUND_DESCRIPTION, event).increment();
        } else if (event instanceof InboxEvent.MessageHeld) {
            counter(held, InboxKitMetrics.MESSAGES_HELD, HELD_DESCRIPTION, event).increment();
        } else if (event instanceof InboxEvent.MessageReleased) {
            counter(released, InboxKitMetrics.MESSAGES_RELEASED, RELEASED_DESCRIPTION, event).increment();
        } else if (event instanceof InboxEvent.MessageStatusChanged changed) {
            if (tagAccounts) {
                byAccount(InboxKitMetrics.MESSAGE_STATUS, STATUS_DESCRIPTION, event,
                        "status", TagValues.of(changed.status())).increment();
            } else {
                statuses.get(changed.status().ordinal()).increment();
            }
        } else if (event instanceof InboxEvent.SubscriptionChanged changed) {
            OptOutRecord record = changed.record();
            int index = record.action().ordinal() * SOURCES + record.source().ordinal();
            if (tagAccounts) {
                byAccount(InboxKitMetrics.SUBSCRIPTIONS, SUBSCRIPTIONS_DESCRIPTION, event, subscriptionTags(index))
                        .increment();
            } else {
                subscriptions.get(index).increment();
            }
        }
    }

    private Counter counter(Counter untagged, String name, String description, InboxEvent event) {
        return tagAccounts ? byAccount(name, description, event) : untagged;
    }

    private Counter byAccount(String name, String description, InboxEvent event, String... tags) {
        return Counter.builder(name).description(description)
                .tags(Tags.of(tags).and("account", event.account().value()))
                .register(registry);
    }

    private static String[] subscriptionTags(int index) {
        OptOutAction action = OptOutAction.values()[index / SOURCES];
        OptOutSource source = OptOutSource.values()[index % SOURCES];
        return new String[] {"action", action == OptOutAction.OPTED_OUT ? "opt_out" : "opt_in",
            "source", TagValues.of(source)};
    }
}
