package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.Supplier;

/**
 * How much of a dispatcher step's lease is left, and the rule a lease must meet. A step may start
 * a carrier call only while the call, at the carrier's submit timeout, would end with a tenth of
 * the lease still left to record the answers; past that, another node may claim the messages and
 * submit them too. The time left is the smaller of the lease less the real time elapsed since the
 * claim (a monotonic timer, so that a clock step cannot stretch it) and the time until the lease's
 * end by the engine's clock (which other nodes read to judge the lease).
 *
 * <p>One instance per step; not thread-safe. The static methods are.
 */
final class LeaseBudget {

    /** The lease when the host sets none and one batch at the slowest carrier's timeout needs no more. */
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    /** The part of a lease kept for recording: one tenth. */
    private static final int RECORD_SHARE = 10;

    private final Duration lease;
    private final long startNanos;
    private final Instant leaseUntil;
    private final Supplier<Instant> clock;

    private LeaseBudget(Duration lease, long startNanos, Instant leaseUntil, Supplier<Instant> clock) {
        this.lease = lease;
        this.startNanos = startNanos;
        this.leaseUntil = leaseUntil;
        this.clock = clock;
    }

    /**
     * Starts measuring a lease taken now.
     *
     * @param lease the lease
     * @param claimedAt the engine's time of the claim
     * @param clock the engine's clock
     * @return the budget
     */
    static LeaseBudget start(Duration lease, Instant claimedAt, Supplier<Instant> clock) {
        return new LeaseBudget(lease, System.nanoTime(), claimedAt.plus(lease), clock);
    }

    /** @return the time left before the lease ends; negative once it has */
    Duration left() {
        Duration byTimer = lease.minusNanos(System.nanoTime() - startNanos);
        Duration byClock = Duration.between(clock.get(), leaseUntil);
        return byTimer.compareTo(byClock) <= 0 ? byTimer : byClock;
    }

    /**
     * Whether a carrier call that takes its whole timeout still ends with the recording reserve left.
     *
     * @param timeout the carrier's submit timeout
     * @return true if the call may start
     */
    boolean hasTimeFor(Duration timeout) {
        return left().compareTo(timeout.plus(recordReserve(lease))) >= 0;
    }

    /**
     * The lease the host set, or the default; refused if a batch of calls at the slowest carrier's
     * timeout would outlive it, since a step that outlives its lease lets a second node submit the
     * same messages while the first still does.
     *
     * @param requested the lease the host set, or null for the default: 2 minutes, or as long as
     *     one batch at the slowest carrier's timeout needs
     * @param batchSize the most messages a step claims
     * @param carriers the carriers, at least one
     * @return the lease
     * @throws InvalidValueException if the requested lease is too short; the message says which
     *     settings to change
     */
    static Duration checked(Duration requested, int batchSize, Collection<Carrier> carriers) {
        Carrier slowest = carriers.stream()
                .max(Comparator.comparing(carrier -> carrier.capabilities().submitTimeout()))
                .orElseThrow();
        Duration timeout = slowest.capabilities().submitTimeout();
        Duration needed = minimumLease(batchSize, timeout);
        if (requested == null) {
            return needed.compareTo(DEFAULT_LEASE) > 0 ? needed : DEFAULT_LEASE;
        }
        if (requested.compareTo(needed) < 0) {
            long largestBatch = largestBatch(requested, timeout);
            throw new InvalidValueException("lease", "(" + requested + ") cannot hold one batch of carrier calls:"
                    + " dispatchBatchSize (" + batchSize + ") x the submitTimeout (" + timeout + ") of carrier '"
                    + slowest.id() + "', plus a tenth of the lease to record them; raise lease to at least " + needed
                    + (largestBatch >= 1 ? ", or lower dispatchBatchSize to at most " + largestBatch : "")
                    + ", or lower the carrier's submitTimeout");
        }
        return requested;
    }

    /**
     * The part of a lease a step keeps for recording its carrier calls' answers.
     *
     * @param lease the lease
     * @return a tenth of it
     */
    static Duration recordReserve(Duration lease) {
        return lease.dividedBy(RECORD_SHARE);
    }

    /**
     * The shortest lease that holds one batch of carrier calls that each take the whole timeout, and
     * the recording reserve after them.
     *
     * @param batchSize the most messages a step claims
     * @param submitTimeout the carrier's submit timeout
     * @return the batch's calls, plus a ninth of that (a tenth of the total)
     */
    static Duration minimumLease(int batchSize, Duration submitTimeout) {
        Duration calls = submitTimeout.multipliedBy(batchSize);
        // the calls must fit in nine tenths of the lease: ten ninths of them, rounded up to the millisecond
        long nanos = calls.toNanos();
        long tenNinths = (nanos / (RECORD_SHARE - 1)) * RECORD_SHARE
                + ((nanos % (RECORD_SHARE - 1)) * RECORD_SHARE + (RECORD_SHARE - 2)) / (RECORD_SHARE - 1);
        long millis = (tenNinths + 999_999) / 1_000_000;
        return Duration.ofMillis(Math.max(millis, 1));
    }

    /**
     * The largest batch a lease holds at a carrier's timeout.
     *
     * @param lease the lease
     * @param submitTimeout the carrier's submit timeout
     * @return how many calls of the whole timeout fit before the recording reserve; may be 0
     */
    static long largestBatch(Duration lease, Duration submitTimeout) {
        return lease.minus(recordReserve(lease)).toNanos() / submitTimeout.toNanos();
    }
}
