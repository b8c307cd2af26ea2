package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.ThroughputLimit;
import io.github.inboxkit.core.store.StoreTransaction;
import io.github.inboxkit.core.store.ThroughputState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Throughput limits (F50) in the claiming transaction: for the messages a claim took, the states of
 * the limits they fall under are locked through the store's {@link
 * io.github.inboxkit.core.store.ThroughputRows} port, a token of each is taken for every message
 * that may go, and the states are saved, all before the claim commits. So the limits hold across
 * every node that claims from one database, and a message over a limit is put back before any
 * carrier sees it. The limits are the host's ({@link ThroughputLimit}) and, for every sender, its
 * carrier's declared rate with a burst of one second's worth ({@link TokenBucket#burstFor}).
 *
 * <p>Thread-safe: immutable; the states live in the store.
 */
final class ThroughputLimiter {

    private final List<ThroughputLimit> limits;
    private final Map<String, Carrier> carriers;

    /**
     * @param limits the host's limits
     * @param carriers the carriers by id, whose declared rates apply to each of their senders
     */
    ThroughputLimiter(List<ThroughputLimit> limits, Map<String, Carrier> carriers) {
        this.limits = List.copyOf(limits);
        this.carriers = Map.copyOf(carriers);
    }

    /** One limit as it applies to a message: a rate (capacity > 0) or a daily cap. */
    private record Applied(String key, double rate, double capacity, long dailyCap) {
        boolean isRate() {
            return dailyCap == 0;
        }
    }

    /**
     * Takes a token of every limit for each entry that may go now, in order; the states are locked
     * and saved in the caller's (claiming) transaction.
     *
     * @param tx the claiming transaction
     * @param entries the entries the claim would send, in order
     * @param clock the engine's clock, read once the states are locked: the tokens are counted at
     *     the instant the messages are let go, however long the claim waited for the lock
     * @return for each entry, index for index: empty if it may go, else when it may
     */
    List<Optional<Instant>> admit(StoreTransaction tx, List<OutboxEntry> entries, Supplier<Instant> clock) {
        List<Optional<Instant>> waits = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return waits;
        }
        Instant before = clock.get();
        Instant dayStart = before.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        List<List<Applied>> applied = new ArrayList<>(entries.size());
        Map<String, ThroughputState> initial = new LinkedHashMap<>();
        Map<String, Applied> byKey = new HashMap<>();
        for (OutboxEntry entry : entries) {
            List<Applied> own = limitsOf(entry);
            applied.add(own);
            for (Applied limit : own) {
                byKey.putIfAbsent(limit.key(), limit);
                initial.putIfAbsent(limit.key(), limit.isRate() ? new ThroughputState(limit.capacity(), before)
                        : new ThroughputState(0, dayStart));
            }
        }
        if (initial.isEmpty()) {
            entries.forEach(entry -> waits.add(Optional.empty()));
            return waits;
        }
        Map<String, ThroughputState> locked = tx.throughput().lockThroughputStates(initial);
        Instant read = clock.get();
        Instant now = read.isBefore(before) ? before : read;
        Map<String, TokenBucket> buckets = new HashMap<>();
        Map<String, long[]> counted = new HashMap<>();
        locked.forEach((key, state) -> {
            Applied limit = byKey.get(key);
            if (limit.isRate()) {
                buckets.put(key, new TokenBucket(limit.rate(), limit.capacity(), state.tokens(), state.at()));
            } else {
                // a count of an earlier day starts again at zero
                counted.put(key, new long[] {state.at().isBefore(dayStart) ? 0 : (long) state.tokens()});
            }
        });
        // the messages this claim defers per rate, so that each is due at its own turn rather than all
        // at the next token (which would have the next claims take and put back the same rows)
        Map<String, Integer> backlog = new HashMap<>();
        for (List<Applied> own : applied) {
            Duration wait = Duration.ZERO;
            for (Applied limit : own) {
                Duration until = limit.isRate()
                        ? turn(buckets.get(limit.key()), limit.rate(), backlog.getOrDefault(limit.key(), 0), now)
                        : counted.get(limit.key())[0] < limit.dailyCap() ? Duration.ZERO
                        : Duration.between(now, dayStart.plus(Duration.ofDays(1)));
                if (until.compareTo(wait) > 0) {
                    wait = until;
                }
            }
            if (!wait.isZero()) {
                own.stream().filter(Applied::isRate).forEach(limit -> backlog.merge(limit.key(), 1, Integer::sum));
            } else {
                for (Applied limit : own) {
                    if (limit.isRate()) {
                        buckets.get(limit.key()).tryAcquire(now);
                    } else {
                        counted.get(limit.key())[0]++;
                    }
                }
            }
            waits.add(wait.isZero() ? Optional.empty() : Optional.of(now.plus(wait)));
        }
        Map<String, ThroughputState> saved = new LinkedHashMap<>();
        buckets.forEach((key, bucket) -> saved.put(key, new ThroughputState(bucket.tokens(),
                bucket.lastRefill().isBefore(now) ? now : bucket.lastRefill())));
        counted.forEach((key, count) -> saved.put(key, new ThroughputState(count[0], dayStart)));
        tx.throughput().saveThroughputStates(saved);
        return waits;
    }

    /**
     * How long until a bucket holds a token for the message after {@code ahead} others waiting for
     * it: zero if it holds one now and none is waiting.
     */
    private static Duration turn(TokenBucket bucket, double rate, int ahead, Instant now) {
        Duration next = bucket.timeUntilNextToken(now); // refills the bucket to now
        if (ahead == 0) {
            return next;
        }
        double seconds = (ahead + 1 - bucket.tokens()) / rate;
        return seconds <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(seconds * 1e9));
    }

    /** The limits a message counts against: its carrier's declared rate for its sender, and the host's. */
    private List<Applied> limitsOf(OutboxEntry entry) {
        List<Applied> own = new ArrayList<>(2);
        String sender = entry.sender().value();
        Carrier carrier = carriers.get(entry.carrierId());
        if (carrier != null) {
            double rate = carrier.capabilities().messagesPerSecond();
            if (rate > 0 && Double.isFinite(rate)) {
                own.add(new Applied("rate:carrier_sender:" + entry.carrierId() + ":" + sender, rate,
                        TokenBucket.burstFor(rate), 0));
            }
        }
        for (ThroughputLimit limit : limits) {
            if (limit.covers(entry.carrierId(), sender)) {
                own.add(limit.kind() == ThroughputLimit.Kind.RATE
                        ? new Applied(limit.key(), limit.messagesPerSecond(), limit.burst(), 0)
                        : new Applied(limit.key(), 0, 0, limit.dailyCap()));
            }
        }
        return own;
    }
}
