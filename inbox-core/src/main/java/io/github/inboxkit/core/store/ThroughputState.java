package io.github.inboxkit.core.store;

import io.github.inboxkit.core.Require;
import java.time.Instant;

/**
 * The state of one throughput limit of an account (F50), as the store keeps it so that every node
 * sees the same: for a rate, the tokens left in its bucket when it was last refilled; for a daily
 * cap, the messages counted since the start of the day at {@code at}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tokens the tokens left (a rate), or the messages counted (a daily cap); never negative
 * @param at when the bucket was last refilled, or the start of the day counted
 */
public record ThroughputState(double tokens, Instant at) {

    /**
     * Checks the parts.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if {@code tokens} is negative or not finite
     * @throws io.github.inboxkit.core.MissingValueException if {@code at} is null
     */
    public ThroughputState {
        Require.argument(tokens >= 0 && Double.isFinite(tokens), "tokens", "must be >= 0 and finite");
        Require.nonNull(at, "at");
    }
}
