package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.internal.SendingSteps;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Instant;

/**
 * The events of one attempt of a sending use case, handed to the engine's unit of work, which
 * publishes them only after the commit (architecture invariant 2) and drops them when the attempt is
 * retried. Also the attempt's access to the engine's thread rules. Not thread-safe: one per attempt.
 */
final class Events {

    private final SendingSteps.Scope scope;

    Events(SendingSteps.Scope scope) {
        this.scope = scope;
    }

    void add(InboxEvent event) {
        scope.publish(event);
    }

    /** Collects the status change of an outbox entry. */
    void statusChanged(AccountId account, OutboxEntry entry, Instant now) {
        scope.publish(new InboxEvent.MessageStatusChanged(account, entry.conversationId(), entry.messageId(),
                entry.status(), now));
    }

    /** The engine's thread rules for this attempt, for recording a message in its thread. */
    SendingSteps.Scope threads() {
        return scope;
    }
}
