package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The webhook front door's meters: requests by outcome and reason, and repeated items. */
final class WebhookMeters {

    private static final String REQUESTS_DESCRIPTION = "Webhook requests handled, by outcome and reason";
    private static final int REFUSALS = WebhookOutcome.Refusal.values().length;

    /** [0] processed, [1 .. REFUSALS] refused by refusal, then retry later by cause. */
    private final TagValues.Lazy<Counter> requests;
    private final Counter repeatedMessages;
    private final Counter repeatedReports;

    WebhookMeters(MeterRegistry registry) {
        int size = 1 + REFUSALS + WebhookOutcome.RetryLater.Cause.values().length;
        this.requests = new TagValues.Lazy<>(size, index -> InboxKitMetrics.counter(registry,
                InboxKitMetrics.WEBHOOK_REQUESTS, REQUESTS_DESCRIPTION, requestTags(index)));
        String description = "Items of webhook requests recognised as repeats of items stored before";
        this.repeatedMessages = InboxKitMetrics.counter(registry, InboxKitMetrics.WEBHOOK_DUPLICATES, description,
                "kind", "inbound_message");
        this.repeatedReports = InboxKitMetrics.counter(registry, InboxKitMetrics.WEBHOOK_DUPLICATES, description,
                "kind", "delivery_report");
    }

    void record(WebhookOutcome outcome) {
        if (outcome instanceof WebhookOutcome.Processed processed) {
            requests.get(0).increment();
            if (processed.repeatedMessages() > 0) {
                repeatedMessages.increment(processed.repeatedMessages());
            }
            if (processed.reportsUnchanged() > 0) {
                repeatedReports.increment(processed.reportsUnchanged());
            }
        } else if (outcome instanceof WebhookOutcome.Refused refused) {
            requests.get(1 + refused.refusal().ordinal()).increment();
        } else if (outcome instanceof WebhookOutcome.RetryLater retry) {
            requests.get(1 + REFUSALS + retry.cause().ordinal()).increment();
        }
    }

    private static String[] requestTags(int index) {
        if (index == 0) {
            return new String[] {"outcome", "processed", "reason", TagValues.NONE};
        }
        if (index <= REFUSALS) {
            return new String[] {"outcome", "refused", "reason", TagValues.of(WebhookOutcome.Refusal.values()[index - 1])};
        }
        return new String[] {"outcome", "retry_later",
            "reason", TagValues.of(WebhookOutcome.RetryLater.Cause.values()[index - 1 - REFUSALS])};
    }
}
