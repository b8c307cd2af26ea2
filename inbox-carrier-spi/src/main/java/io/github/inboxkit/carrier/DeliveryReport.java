package io.github.inboxkit.carrier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's report on an outbound message it accepted. Immutable and thread-safe. Carriers may
 * send a report more than once and out of order; the engine keeps the most advanced status.
 *
 * @param carrierMessageId the id the carrier returned in {@link SubmitResult.Accepted}
 * @param status the standard status the carrier's own status maps to
 * @param carrierErrorCode the carrier's error code, empty when it gave none (see {@link #errorCode()})
 * @param occurredAt when the status was reached, by the carrier's clock
 */
public record DeliveryReport(String carrierMessageId, DeliveryStatus status, String carrierErrorCode,
        Instant occurredAt) {

    /**
     * Validates.
     *
     * @param carrierMessageId the {@code carrierMessageId} component
     * @param status the {@code status} component
     * @param carrierErrorCode the {@code carrierErrorCode} component
     * @param occurredAt the {@code occurredAt} component
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the id is blank
     */
    public DeliveryReport {
        Checks.nonBlank(carrierMessageId, "carrierMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(carrierErrorCode, "carrierErrorCode");
        Objects.requireNonNull(occurredAt, "occurredAt");
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
}
