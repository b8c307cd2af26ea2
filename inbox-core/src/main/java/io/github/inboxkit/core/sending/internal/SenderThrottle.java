package io.github.inboxkit.core.sending.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TokenBucket} per (carrier, sender), sized from the carrier's declared messages per
 * second, so that a broadcast does not get a sender blocked by its carrier. A rate of zero, a
 * negative one or infinity means the carrier declared no limit.
 *
 * <p>This throttle is per engine instance (per node): several nodes each respect the rate, so a
 * host running N dispatchers against one database should expect up to N times the rate. Thread-safe.
 */
final class SenderThrottle {

    private final Map<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    private record Key(String carrierId, String sender) {}

    /**
     * Takes a token for one message from this sender through this carrier, if one is there.
     *
     * @param carrierId the carrier's id
     * @param sender the sender's value (number, short code or alphanumeric id)
     * @param messagesPerSecond the carrier's declared rate; not positive or infinite means unlimited
     * @param now the current time
     * @return zero if the message may go now (a token was taken), else how long to defer it
     */
    Duration tryAcquire(String carrierId, String sender, double messagesPerSecond, Instant now) {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(sender, "sender");
        if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
            return Duration.ZERO;
        }
        TokenBucket bucket = buckets.computeIfAbsent(
                new Key(carrierId, sender), k -> TokenBucket.forRate(messagesPerSecond, now));
        if (bucket.tryAcquire(now)) {
            return Duration.ZERO;
        }
        Duration wait = bucket.timeUntilNextToken(now);
        return wait.isZero() ? Duration.ofMillis(1) : wait;
    }
}
