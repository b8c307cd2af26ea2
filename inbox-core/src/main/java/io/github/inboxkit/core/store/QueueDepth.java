package io.github.inboxkit.core.store;

import io.github.inboxkit.core.Require;
import java.time.Duration;
import java.util.Objects;

/**
 * How many outbox entries wait, and in which state, at one instant: a reading of {@link
 * OutboxStatistics#outboxDepth}. The four counts split the pending entries (QUEUED, SCHEDULED or
 * SENDING) of every account of the store without overlap.
 *
 * <p>Immutable and thread-safe.
 *
 * @param due entries a dispatcher may claim now: queued or scheduled and due, or claimed earlier
 *     by a dispatcher whose lease ran out
 * @param scheduled entries a user scheduled for later, not due yet (F27)
 * @param retrying entries queued again for later, not due yet: waiting for their retry's back-off
 *     after a transient refusal, or for their sender's throughput
 * @param sending entries a dispatcher holds under a live lease: a carrier call in flight
 * @param oldestDueAge how long the longest-waiting due entry has been due; zero when none is due
 */
public record QueueDepth(long due, long scheduled, long retrying, long sending, Duration oldestDueAge) {

    /** An empty outbox. */
    public static final QueueDepth EMPTY = new QueueDepth(0, 0, 0, 0, Duration.ZERO);

    /**
     * Checks the reading.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if a count or the age is negative
     * @throws NullPointerException if the age is null
     */
    public QueueDepth {
        Require.argument(due >= 0 && scheduled >= 0 && retrying >= 0 && sending >= 0, "counts",
                "must not be negative");
        Objects.requireNonNull(oldestDueAge, "oldestDueAge");
        Require.argument(!oldestDueAge.isNegative(), "oldestDueAge", "must not be negative");
    }

    /** @return every pending entry: due, scheduled, retrying and sending together */
    public long pending() {
        return due + scheduled + retrying + sending;
    }
}
