package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import io.github.inboxkit.core.store.DeliveryReportRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Delivery reports kept without a matching outbox entry, of one account in memory: {@link
 * DeliveryReportRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryDeliveryReports extends MemoryRows implements DeliveryReportRows {

    /**
     * The kept reports in arrival order. Guarded by the account's lock; every write goes through
     * the transaction's undo log.
     */
    static final class Tables {
        final TreeMap<Long, UnmatchedDeliveryReport> unmatched = new TreeMap<>();
        long nextUnmatched;

    }

    private final Tables tables;

    MemoryDeliveryReports(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    @Override
    public void insertUnmatchedReport(UnmatchedDeliveryReport report) {
        checkOpen();
        put(tables.unmatched, tables.nextUnmatched++, report);
    }

    @Override
    public List<UnmatchedDeliveryReport> takeUnmatchedReports(String carrierId, String carrierMessageId) {
        checkOpen();
        List<UnmatchedDeliveryReport> taken = new ArrayList<>();
        for (Map.Entry<Long, UnmatchedDeliveryReport> kept : List.copyOf(tables.unmatched.entrySet())) {
            UnmatchedDeliveryReport report = kept.getValue();
            if (report.carrierId().equals(carrierId) && report.report().carrierMessageId().equals(carrierMessageId)) {
                taken.add(report);
                remove(tables.unmatched, kept.getKey());
            }
        }
        return taken;
    }

    @Override
    public List<UnmatchedDeliveryReport> listUnmatchedReports(int limit) {
        checkOpen();
        return tables.unmatched.values().stream().limit(limit).toList();
    }

    @Override
    public int deleteUnmatchedReports(Instant receivedBefore, int limit) {
        checkOpen();
        List<Long> old = tables.unmatched.entrySet().stream()
                .filter(kept -> kept.getValue().receivedAt().isBefore(receivedBefore))
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(UnmatchedDeliveryReport::receivedAt)))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        old.forEach(key -> remove(tables.unmatched, key));
        return old.size();
    }

    /** Whether a report is kept for a carrier message id, for the transaction's conditional record. */
    boolean keeps(String carrierId, String carrierMessageId) {
        return tables.unmatched.values().stream().anyMatch(report -> report.carrierId().equals(carrierId)
                && report.report().carrierMessageId().equals(carrierMessageId));
    }
}
