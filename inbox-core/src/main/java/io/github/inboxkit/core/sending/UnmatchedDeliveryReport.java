package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.DeliveryReport;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery report whose carrier message id matched no outbound message when it arrived (F31).
 * Kept for inspection rather than raised as an error; if the carrier's acceptance is recorded
 * later (a report can overtake it), the report is applied then.
 *
 * <p>Immutable and thread-safe.
 *
 * @param carrierId the carrier that sent the report
 * @param report the report as the carrier gave it
 * @param receivedAt when InboxKit received it
 */
public record UnmatchedDeliveryReport(String carrierId, DeliveryReport report, Instant receivedAt) {

    /** Checks every part is given. */
    public UnmatchedDeliveryReport {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
