package io.github.inboxkit.micrometer;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.Webhooks;
import java.util.Set;

/** A webhook front door that records each outcome of the one it wraps. */
final class MeteredWebhooks implements Webhooks {

    private final Webhooks delegate;
    private final InboxKitMetrics metrics;

    MeteredWebhooks(Webhooks delegate, InboxKitMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public WebhookOutcome handle(String carrierId, WebhookRequest request) {
        return recorded(delegate.handle(carrierId, request));
    }

    @Override
    public WebhookOutcome handle(String carrierId, AccountId account, WebhookRequest request) {
        return recorded(delegate.handle(carrierId, account, request));
    }

    @Override
    public Set<String> carrierIds() {
        return delegate.carrierIds();
    }

    private WebhookOutcome recorded(WebhookOutcome outcome) {
        if (outcome != null) {
            metrics.recordWebhook(outcome);
        }
        return outcome;
    }
}
