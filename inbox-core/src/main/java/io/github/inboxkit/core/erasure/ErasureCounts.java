package io.github.inboxkit.core.erasure;

/**
 * What an erasure deleted (F40), summed over its batches, and over the calls that finished it.
 * Immutable and thread-safe.
 *
 * @param messages messages deleted (inbound, outbound and notes), with their media references
 * @param conversations conversations deleted (0 or 1: one per number)
 * @param assignmentChanges entries of the conversation's ownership history deleted
 * @param outboxEntries outbox entries deleted with their messages, scheduled sends included
 * @param inFlightSends of those, the sends a dispatcher had already handed to a carrier (SENDING):
 *     they could not be recalled and may still reach the person
 * @param contacts saved contacts deleted with their custom fields (0 or 1)
 * @param optOutRecords opt-out and opt-in records deleted
 * @param broadcastRecipients queued broadcast copies not yet written, deleted
 * @param broadcastSkips broadcast skips that named the number or the contact, deleted
 * @param idempotencyKeys idempotency keys of the erased messages, deleted
 * @param deliveryReports kept delivery reports of the erased messages, deleted
 * @param batches transactions used
 */
public record ErasureCounts(long messages, long conversations, long assignmentChanges, long outboxEntries,
        long inFlightSends, long contacts, long optOutRecords, long broadcastRecipients, long broadcastSkips,
        long idempotencyKeys, long deliveryReports, long batches) {

    /** Nothing erased. */
    public static final ErasureCounts NOTHING = new ErasureCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Adds two counts.
     *
     * @param other other counts
     * @return the sums
     */
    public ErasureCounts plus(ErasureCounts other) {
        return new ErasureCounts(messages + other.messages, conversations + other.conversations,
                assignmentChanges + other.assignmentChanges, outboxEntries + other.outboxEntries,
                inFlightSends + other.inFlightSends, contacts + other.contacts, optOutRecords + other.optOutRecords,
                broadcastRecipients + other.broadcastRecipients, broadcastSkips + other.broadcastSkips,
                idempotencyKeys + other.idempotencyKeys, deliveryReports + other.deliveryReports,
                batches + other.batches);
    }
}
