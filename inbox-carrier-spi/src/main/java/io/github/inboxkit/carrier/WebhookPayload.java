package io.github.inboxkit.carrier;

import java.util.List;

/**
 * Everything one webhook request carried: inbound messages and delivery reports, in the order the
 * carrier listed them. Both lists may be empty (a carrier's test ping). Immutable and thread-safe.
 *
 * @param inboundMessages the inbound messages
 * @param deliveryReports the delivery reports
 */
public record WebhookPayload(List<InboundMessage> inboundMessages, List<DeliveryReport> deliveryReports) {

    /**
     * Copies the lists.
     *
     * @param inboundMessages the {@code inboundMessages} component
     * @param deliveryReports the {@code deliveryReports} component
     * @throws NullPointerException if a list or an element is null
     */
    public WebhookPayload {
        inboundMessages = List.copyOf(inboundMessages);
        deliveryReports = List.copyOf(deliveryReports);
    }

    /**
     * A payload of inbound messages only.
     *
     * @param messages the messages
     * @return the payload
     */
    public static WebhookPayload ofInbound(List<InboundMessage> messages) {
        return new WebhookPayload(messages, List.of());
    }

    /**
     * A payload of delivery reports only.
     *
     * @param reports the reports
     * @return the payload
     */
    public static WebhookPayload ofReports(List<DeliveryReport> reports) {
        return new WebhookPayload(List.of(), reports);
    }

    /**
     * Whether the request carried nothing.
     *
     * @return true when both lists are empty
     */
    public boolean isEmpty() {
        return inboundMessages.isEmpty() && deliveryReports.isEmpty();
    }
}
