package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.sending.PurgeSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The retention purge's meters. Kept apart and thin: the purge's summary is all it reads, so that
 * a move of the purge to another package changes one import here.
 */
final class PurgeMeters {

    private static final String[] KINDS = {"messages", "conversations", "assignment_changes", "opt_out_records",
        "unmatched_reports", "idempotency_keys"};

    private final Counter[] purged = new Counter[KINDS.length];
    private final Counter purges;

    PurgeMeters(MeterRegistry registry) {
        for (int kind = 0; kind < KINDS.length; kind++) {
            purged[kind] = InboxKitMetrics.counter(registry, InboxKitMetrics.RETENTION_PURGED,
                    "Rows the retention purge deleted, by kind", "kind", KINDS[kind]);
        }
        purges = InboxKitMetrics.counter(registry, InboxKitMetrics.RETENTION_PURGES, "Retention purges recorded");
    }

    void record(PurgeSummary summary) {
        long[] counts = {summary.messages(), summary.conversations(), summary.assignmentChanges(),
            summary.optOutRecords(), summary.unmatchedReports(), summary.idempotencyKeys()};
        for (int kind = 0; kind < KINDS.length; kind++) {
            if (counts[kind] > 0) {
                purged[kind].increment(counts[kind]);
            }
        }
        purges.increment();
    }
}
