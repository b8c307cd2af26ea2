package io.github.inboxkit.core.store;

import io.github.inboxkit.core.blocking.Block;
import io.github.inboxkit.core.blocking.BlockedLogEntry;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store's port for contact blocking (F38), the aggregate of the {@code blocked_numbers} table
 * (one row per blocked number) and the {@code blocked_inbound} table (one row per carrier message
 * turned away: its carrier id, number and arrival time, never its text), from which the blocked log
 * is read.
 *
 * <p>Used only inside its transaction, by one thread.
 */
public interface BlockRows {

    /**
     * Finds the block of a number.
     *
     * @param phone the number
     * @return its block, or empty
     */
    Optional<Block> findBlock(PhoneNumber phone);

    /**
     * Which of these numbers are blocked, in one read.
     *
     * @param phones the numbers
     * @return the blocked ones
     */
    Set<PhoneNumber> blockedAmong(Collection<PhoneNumber> phones);

    /**
     * Stores a block, replacing the number's block if it has one.
     *
     * @param block the block
     */
    void saveBlock(Block block);

    /**
     * Deletes the block of a number.
     *
     * @param phone the number
     * @return whether it had one
     */
    boolean deleteBlock(PhoneNumber phone);

    /**
     * Lists the blocks.
     *
     * @return the blocks, most recent first
     */
    List<Block> listBlocks();

    /**
     * Records an inbound message turned away, once per carrier message id.
     *
     * @param carrierMessageId the carrier's id of the message (the ingestion's idempotency key)
     * @param phone the blocked number it came from
     * @param receivedAt when it arrived
     * @return true when recorded, false when this carrier message was recorded before
     */
    boolean recordBlockedInbound(String carrierMessageId, PhoneNumber phone, Instant receivedAt);

    /**
     * Reads the blocked log: per number, the count and the first and last arrival of its inbound
     * messages turned away.
     *
     * @return one entry per number, the most recently seen first
     */
    List<BlockedLogEntry> blockedLog();

    /**
     * Deletes the oldest records of inbound messages turned away (the retention purge).
     *
     * @param receivedBefore the cutoff
     * @param limit the most records to delete
     * @return how many were deleted
     */
    int deleteBlockedInboundBefore(Instant receivedBefore, int limit);
}
