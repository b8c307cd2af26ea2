package io.github.inboxkit.core.sending.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket: refills at a steady rate up to a small burst, and lets a caller take a token
 * only when one is there. Time is passed in (from the engine's {@code Clock}), never read here and
 * never waited for: a caller refused a token defers its work by {@link #timeUntilNextToken}.
 *
 * <p>Thread-safe: all methods synchronise on the bucket.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double tokensPerSecond;
    private final double capacity;
    private double tokens;
    private Instant lastRefill;

    /**
     * Creates a full bucket.
     *
     * @param tokensPerSecond the steady rate; positive and finite
     * @param capacity the most tokens the bucket holds (the burst); at least 1
     * @param now the current time
     * @throws IllegalArgumentException if the rate or capacity is out of range
     */
    TokenBucket(double tokensPerSecond, double capacity, Instant now) {
        if (!(tokensPerSecond > 0) || Double.isInfinite(tokensPerSecond)) {
            throw new IllegalArgumentException("tokensPerSecond must be > 0 and finite, got " + tokensPerSecond);
        }
        if (!(capacity >= 1) || Double.isInfinite(capacity)) {
            throw new IllegalArgumentException("capacity must be >= 1 and finite, got " + capacity);
        }
        this.tokensPerSecond = tokensPerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastRefill = Objects.requireNonNull(now, "now");
    }

    /**
     * A bucket as it was left: for a state kept between claims, on one node or several (F50).
     *
     * @param tokensPerSecond the steady rate; positive and finite
     * @param capacity the most tokens the bucket holds (the burst); at least 1
     * @param tokens the tokens left, capped at {@code capacity}
     * @param lastRefill when they were counted
     * @throws IllegalArgumentException if the rate or capacity is out of range
     */
    TokenBucket(double tokensPerSecond, double capacity, double tokens, Instant lastRefill) {
        this(tokensPerSecond, capacity, lastRefill);
        this.tokens = Math.max(0, Math.min(capacity, tokens));
    }

    /** @return the tokens left at {@link #lastRefill()} */
    synchronized double tokens() {
        return tokens;
    }

    /** @return when the tokens were last counted */
    synchronized Instant lastRefill() {
        return lastRefill;
    }

    /**
     * The burst of a carrier's declared throughput: one second's worth, at least one message.
     *
     * @param messagesPerSecond the carrier's declared rate; positive and finite
     * @return the bucket's capacity for that rate
     */
    static double burstFor(double messagesPerSecond) {
        return Math.max(1.0, Math.floor(messagesPerSecond));
    }

    /**
     * Takes one token if there is one.
     *
     * @param now the current time; a time earlier than one seen before is treated as that time
     * @return whether a token was taken
     */
    synchronized boolean tryAcquire(Instant now) {
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /**
     * How long until a token will be there, without taking it.
     *
     * @param now the current time
     * @return zero if a token is there now, else the time until one is
     */
    synchronized Duration timeUntilNextToken(Instant now) {
        refill(now);
        if (tokens >= 1.0) {
            return Duration.ZERO;
        }
        double seconds = (1.0 - tokens) / tokensPerSecond;
        return Duration.ofNanos((long) Math.ceil(seconds * NANOS_PER_SECOND));
    }

    private void refill(Instant now) {
        Objects.requireNonNull(now, "now");
        if (!now.isAfter(lastRefill)) {
            // A clock that steps back must not mint tokens nor go negative.
            return;
        }
        double elapsed = Duration.between(lastRefill, now).toNanos() / NANOS_PER_SECOND;
        tokens = Math.min(capacity, tokens + elapsed * tokensPerSecond);
        lastRefill = now;
    }
}
