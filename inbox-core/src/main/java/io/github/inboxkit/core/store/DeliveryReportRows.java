package io.github.inboxkit.core.store;

import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Port of one aggregate of the store: delivery reports whose carrier message id matched no outbox
 * entry (yet) (table {@code unmatched_delivery_reports} in the SQL stores). Reached through {@link
 * StoreTransaction#reports()}; every operation is scoped to the transaction's account ({@link
 * StoreTransaction#accountId()}): every read sees only that account's rows and every write goes to
 * that account. An implementation reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface DeliveryReportRows {

    /**
     * Keeps a report whose carrier message id matched no entry.
     *
     * @param report the report
     */
    void insertUnmatchedReport(UnmatchedDeliveryReport report);

    /**
     * Removes and returns the kept reports for a carrier message id, in arrival order.
     *
     * @param carrierId the carrier's id
     * @param carrierMessageId the carrier's id for the message
     * @return the reports removed
     */
    List<UnmatchedDeliveryReport> takeUnmatchedReports(String carrierId, String carrierMessageId);

    /**
     * Removes and returns the kept reports for several carrier message ids of one carrier, each
     * id's reports in arrival order: a dispatcher records a whole claim's acceptances at once.
     *
     * <p>The default calls {@link #takeUnmatchedReports(String, String)} once per distinct id; a SQL
     * store reads them in one statement.
     *
     * @param carrierId the carrier's id
     * @param carrierMessageIds the carrier's ids for the messages
     * @return the reports removed, by carrier message id; ids without reports are absent
     */
    default Map<String, List<UnmatchedDeliveryReport>> takeUnmatchedReports(String carrierId,
            Collection<String> carrierMessageIds) {
        Map<String, List<UnmatchedDeliveryReport>> taken = new LinkedHashMap<>();
        for (String carrierMessageId : new TreeSet<>(carrierMessageIds)) {
            List<UnmatchedDeliveryReport> reports = takeUnmatchedReports(carrierId, carrierMessageId);
            if (!reports.isEmpty()) {
                taken.put(carrierMessageId, reports);
            }
        }
        return taken;
    }

    /**
     * Lists kept reports for inspection, oldest first.
     *
     * @param limit the most reports, at least 1
     * @return the reports
     */
    List<UnmatchedDeliveryReport> listUnmatchedReports(int limit);

    /**
     * Deletes kept reports received before {@code receivedBefore}, oldest first, for the retention
     * purge: a report no message matched by then never will be.
     *
     * @param receivedBefore the cutoff
     * @param limit the most reports to delete, at least 1
     * @return how many were deleted
     */
    int deleteUnmatchedReports(Instant receivedBefore, int limit);
}
