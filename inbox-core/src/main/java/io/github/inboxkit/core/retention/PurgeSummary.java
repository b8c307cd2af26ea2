package io.github.inboxkit.core.retention;

/**
 * What a retention purge removed (F30). Immutable and thread-safe.
 *
 * @param accounts accounts visited
 * @param messages messages deleted
 * @param conversations conversations deleted because no message was left
 * @param assignmentChanges ownership-history entries deleted with their conversation, for accounts
 *     that do not keep them
 * @param optOutRecords superseded opt-out records deleted, for accounts that do not keep them (a
 *     number's latest record is always kept)
 * @param unmatchedReports delivery reports deleted that no message had matched within
 *     {@link io.github.inboxkit.core.sending.SendingOptions#unmatchedReportRetention}
 * @param idempotencyKeys idempotency keys deleted after their window (F46)
 * @param batches transactions used
 */
public record PurgeSummary(long accounts, long messages, long conversations, long assignmentChanges,
        long optOutRecords, long unmatchedReports, long idempotencyKeys, long batches) {

    /** Nothing purged. */
    public static final PurgeSummary NOTHING = new PurgeSummary(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Adds two summaries.
     *
     * @param other another summary
     * @return the sums
     */
    public PurgeSummary plus(PurgeSummary other) {
        return new PurgeSummary(accounts + other.accounts, messages + other.messages,
                conversations + other.conversations, assignmentChanges + other.assignmentChanges,
                optOutRecords + other.optOutRecords, unmatchedReports + other.unmatchedReports,
                idempotencyKeys + other.idempotencyKeys, batches + other.batches);
    }
}
