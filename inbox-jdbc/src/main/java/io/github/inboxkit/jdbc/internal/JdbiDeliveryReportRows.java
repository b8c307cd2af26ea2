package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.DeliveryReportRows;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Delivery reports kept without a matching outbox entry on the SQL schema: the statements of {@code
 * unmatched_delivery_reports} only, every one filtered by the transaction's account, which leads
 * every key and index (architecture invariant 6), so that an id of another account reads as a
 * missing row. One of the ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiDeliveryReportRows extends JdbiRows implements DeliveryReportRows {

    private final JdbiStoreTransaction tx;

    JdbiDeliveryReportRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    // ----- unmatched delivery reports ---------------------------------------------------------

    private static final RowMapper<UnmatchedDeliveryReport> UNMATCHED = (rs, ctx) -> new UnmatchedDeliveryReport(
            rs.getString("carrier_id"),
            new DeliveryReport(rs.getString("carrier_message_id"), DeliveryStatus.valueOf(rs.getString("status")),
                    rs.getString("error_code"), instant(rs, "occurred_at")),
            instant(rs, "received_at"));

    private static final String UNMATCHED_COLUMNS =
            "report_seq, carrier_id, carrier_message_id, status, error_code, occurred_at, received_at";

    @Override
    public void insertUnmatchedReport(UnmatchedDeliveryReport report) {
        run("keep unmatched delivery report", () -> handle()
                .createUpdate("INSERT INTO unmatched_delivery_reports (account_id, carrier_id, carrier_message_id,"
                        + " status, error_code, occurred_at, received_at) VALUES (:account, :carrierId,"
                        + " :carrierMessageId, :status, :errorCode, :occurredAt, :receivedAt)")
                .bind("account", account)
                .bind("carrierId", report.carrierId())
                .bind("carrierMessageId", report.report().carrierMessageId())
                .bind("status", report.report().status().name())
                .bind("errorCode", report.report().carrierErrorCode())
                .bind("occurredAt", time(report.report().occurredAt()))
                .bind("receivedAt", time(report.receivedAt()))
                .execute());
    }

    @Override
    public List<UnmatchedDeliveryReport> takeUnmatchedReports(String carrierId, String carrierMessageId) {
        return takeUnmatchedReports(carrierId, List.of(carrierMessageId)).getOrDefault(carrierMessageId, List.of());
    }

    @Override
    public Map<String, List<UnmatchedDeliveryReport>> takeUnmatchedReports(String carrierId,
            Collection<String> carrierMessageIds) {
        Map<String, List<UnmatchedDeliveryReport>> taken = new LinkedHashMap<>();
        if (carrierMessageIds.isEmpty()) {
            return taken;
        }
        List<String> ids = carrierMessageIds.stream().distinct().toList();
        tx.lockCarrierMessageIds(carrierId, ids);
        List<UnmatchedDeliveryReport> reports = run("take unmatched delivery reports", () -> handle()
                .createQuery("SELECT " + UNMATCHED_COLUMNS + " FROM unmatched_delivery_reports"
                        + " WHERE account_id = :account AND carrier_id = :carrierId"
                        + " AND carrier_message_id IN (<ids>) ORDER BY carrier_message_id, report_seq FOR UPDATE")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bindList("ids", ids)
                .map(UNMATCHED)
                .list());
        if (reports.isEmpty()) {
            return taken; // the common case: nothing overtook the acceptances, one statement
        }
        reports.forEach(report -> taken.computeIfAbsent(report.report().carrierMessageId(), id -> new ArrayList<>())
                .add(report));
        run("take unmatched delivery reports", () -> handle()
                .createUpdate("DELETE FROM unmatched_delivery_reports WHERE account_id = :account"
                        + " AND carrier_id = :carrierId AND carrier_message_id IN (<ids>)")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bindList("ids", List.copyOf(taken.keySet()))
                .execute());
        return taken;
    }

    @Override
    public List<UnmatchedDeliveryReport> listUnmatchedReports(int limit) {
        return run("list unmatched delivery reports", () -> handle()
                .createQuery("SELECT " + UNMATCHED_COLUMNS + " FROM unmatched_delivery_reports"
                        + " WHERE account_id = :account ORDER BY received_at, report_seq LIMIT :limit")
                .bind("account", account)
                .bind("limit", limit)
                .map(UNMATCHED)
                .list());
    }

    /**
     * A batch of the oldest reports received before {@code :before}: found in V2's received index,
     * deleted by their primary key, so that a batch costs the same however many reports wait.
     */
    static final String DELETE_UNMATCHED_REPORTS = "DELETE FROM unmatched_delivery_reports WHERE account_id = :account"
            + " AND (account_id, carrier_id, carrier_message_id, report_seq) IN (SELECT r.account_id, r.carrier_id,"
            + " r.carrier_message_id, r.report_seq FROM unmatched_delivery_reports r WHERE r.account_id = :account"
            + " AND r.received_at < :before ORDER BY r.received_at, r.report_seq LIMIT :limit)";

    @Override
    public int deleteUnmatchedReports(Instant receivedBefore, int limit) {
        return run("delete unmatched delivery reports", () -> handle()
                .createUpdate(DELETE_UNMATCHED_REPORTS)
                .bind("account", account)
                .bind("before", time(receivedBefore))
                .bind("limit", limit)
                .execute());
    }
}
