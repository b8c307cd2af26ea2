package io.github.inboxkit.carrier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's report on an outbound message it accepted. Immutable and thread-safe. Carriers may
 * send a report more than once and out of order; the engine keeps the most advanced status.
 *
 * <p>The {@link #sender() sender} is the account's number the message was sent from, when the
 * carrier's report says it (most do: Twilio's {@code From}, for instance); the engine's webhook
 * front door routes the report to the account that owns that number. A report without it can
 * only be routed by a webhook URL that names the account.
 *
 * @param carrierMessageId the id the carrier returned in {@link SubmitResult.Accepted}
 * @param status the standard status the carrier's own status maps to
 * @param carrierErrorCode the carrier's error code, empty when it gave none (see {@link #errorCode()})
 * @param occurredAt when the status was reached, by the carrier's clock
 * @param sender the number or sender ID the message was sent from, empty when the carrier did not
 *     say (see {@link #senderNumber()})
 */
public record DeliveryReport(String carrierMessageId, DeliveryStatus status, String carrierErrorCode,
        Instant occurredAt, String sender) {

    /**
     * Validates.
     *
     * @param carrierMessageId the {@code carrierMessageId} component
     * @param status the {@code status} component
     * @param carrierErrorCode the {@code carrierErrorCode} component
     * @param occurredAt the {@code occurredAt} component
     * @param sender the {@code sender} component
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the id is blank
     */
    public DeliveryReport {
        Checks.nonBlank(carrierMessageId, "carrierMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(carrierErrorCode, "carrierErrorCode");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sender, "sender");
    }

    /**
     * A report that does not name the message's sender.
     *
     * @param carrierMessageId the id the carrier returned in {@link SubmitResult.Accepted}
     * @param status the standard status the carrier's own status maps to
     * @param carrierErrorCode the carrier's error code, empty when it gave none
     * @param occurredAt when the status was reached, by the carrier's clock
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the id is blank
     */
    public DeliveryReport(String carrierMessageId, DeliveryStatus status, String carrierErrorCode, Instant occurredAt) {
        this(carrierMessageId, status, carrierErrorCode, occurredAt, "");
    }

    /**
     * A report without an error code.
     *
     * @param carrierMessageId the carrier's message id
     * @param status the status
     * @param occurredAt when it was reached
     * @return the report
     */
    public static DeliveryReport of(String carrierMessageId, DeliveryStatus status, Instant occurredAt) {
        return new DeliveryReport(carrierMessageId, status, "", occurredAt);
    }

    /**
     * The carrier's error code, if it gave one.
     *
     * @return the code, or empty
     */
    public Optional<String> errorCode() {
        return carrierErrorCode.isEmpty() ? Optional.empty() : Optional.of(carrierErrorCode);
    }

    /**
     * The number or sender ID the message was sent from, if the carrier said.
     *
     * @return the sender, or empty
     */
    public Optional<String> senderNumber() {
        return sender.isEmpty() ? Optional.empty() : Optional.of(sender);
    }

    /**
     * A copy of this report that names the message's sender.
     *
     * @param senderNumber the number or sender ID the message was sent from
     * @return the new report
     */
    public DeliveryReport withSender(String senderNumber) {
        return new DeliveryReport(carrierMessageId, status, carrierErrorCode, occurredAt, senderNumber);
    }
}
