package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one use case, collected during its transaction and published only after it
 * committed (DESIGN invariant 2). A transaction that is retried starts a new collection, so an
 * attempt that rolled back publishes nothing. Not thread-safe: one per use-case call.
 */
final class Events {

    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<InboxEvent> pending = new ArrayList<>();

    /**
     * Collects an event.
     *
     * @param event the event
     */
    void add(InboxEvent event) {
        pending.add(event);
    }

    /**
     * Collects the status change of an outbox entry.
     *
     * @param account the account
     * @param entry the entry after the change
     * @param now when
     */
    void statusChanged(AccountId account, OutboxEntry entry, Instant now) {
        pending.add(new InboxEvent.MessageStatusChanged(account, entry.conversationId(), entry.messageId(),
                entry.status(), now));
    }

    /** Forgets what was collected, when the transaction is about to be retried. */
    void clear() {
        pending.clear();
    }

    /**
     * Publishes what was collected, in order; a listener that throws is logged and skipped.
     *
     * @param listener the host's listener
     */
    void publish(InboxEventListener listener) {
        for (InboxEvent event : pending) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // no personal data at WARN: a listener's message may quote a number or a body
                LOG.warn("event listener failed on {} of account {} with {}; the change stays committed",
                        event.getClass().getSimpleName(), event.account(), e.getClass().getName());
                LOG.debug("event listener failure", e);
            }
        }
        pending.clear();
    }
}
