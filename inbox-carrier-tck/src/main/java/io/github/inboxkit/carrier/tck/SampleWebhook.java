package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import java.util.Objects;

/**
 * A genuine webhook request as the carrier sends it, with the payload it must parse to. Vendors
 * take these from their carrier's documentation or captured traffic, signed for "now" with the
 * secret the carrier under test is configured with.
 *
 * @param description what the sample shows, e.g. {@code "inbound MMS with two images"}
 * @param request the authenticated request
 * @param expected the inbound messages and delivery reports it carries, in order
 */
public record SampleWebhook(String description, WebhookRequest request, WebhookPayload expected) {

    /**
     * Validates.
     *
     * @param description the {@code description} component
     * @param request the {@code request} component
     * @param expected the {@code expected} component
     * @throws NullPointerException if an argument is null
     */
    public SampleWebhook {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expected, "expected");
    }
}
