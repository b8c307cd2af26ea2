package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How the dispatcher retries a message the carrier rejected transiently (F31): exponential
 * back-off from an initial delay, multiplied at each failure, capped, with random jitter so that
 * many messages that failed together do not come back together, and a maximum number of attempts
 * after which the message is recorded as FAILED.
 *
 * <p>A carrier's retry-after is honoured: the delay is never shorter than what the carrier asked
 * for, even when that exceeds the cap, since retrying earlier would only be refused again.
 *
 * <p>Immutable and thread-safe; the randomness comes from the {@link RandomGenerator} a caller
 * passes, so that tests can fix a seed.
 */
public final class RetryPolicy {

    private static final RetryPolicy STANDARD = builder().build();

    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final double jitter;

    private RetryPolicy(Builder builder) {
        this.initialDelay = builder.initialDelay;
        this.multiplier = builder.multiplier;
        this.maxDelay = builder.maxDelay;
        this.maxAttempts = builder.maxAttempts;
        this.jitter = builder.jitter;
    }

    /**
     * The default policy: 5 seconds, doubling, capped at 15 minutes, 8 attempts in all, 20% jitter.
     *
     * @return the shared default policy
     */
    public static RetryPolicy standard() {
        return STANDARD;
    }

    /**
     * Starts a policy from the defaults of {@link #standard()}.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides what to do after a transient failure.
     *
     * @param failedAttempts how many attempts have failed so far, this one included (1 after the
     *     first failure)
     * @param carrierRetryAfter how long the carrier asked to wait, if it said
     * @param random the source of jitter
     * @return the delay before the next attempt, or empty when the attempts are exhausted and the
     *     message should be recorded as FAILED
     * @throws io.github.inboxkit.core.InvalidValueException if {@code failedAttempts} is less than 1,
     *     an argument is null or the retry-after is negative
     */
    public Optional<Duration> delayAfterFailure(
            int failedAttempts, Optional<Duration> carrierRetryAfter, RandomGenerator random) {
        Require.argument(failedAttempts >= 1, "failedAttempts", "must be >= 1, got " + failedAttempts);
        Require.nonNull(carrierRetryAfter, "carrierRetryAfter");
        Require.nonNull(random, "random");
        carrierRetryAfter.ifPresent(d -> Require.argument(!d.isNegative(), "carrierRetryAfter",
                "must not be negative, got " + d));
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        double base = initialDelay.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        double capped = Math.min(base, maxDelay.toMillis());
        // Jitter only shortens the delay, so the cap stays a true upper bound.
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        Duration delay = Duration.ofMillis(Math.max(1L, Math.round(jittered)));
        if (carrierRetryAfter.isPresent() && carrierRetryAfter.get().compareTo(delay) > 0) {
            delay = carrierRetryAfter.get();
        }
        return Optional.of(delay);
    }

    /** @return the delay after the first failure, before jitter */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** @return the factor applied to the delay at each further failure */
    public double multiplier() {
        return multiplier;
    }

    /** @return the largest delay the policy chooses on its own (a carrier's retry-after may exceed it) */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return how many attempts in all, the first included, before a message is FAILED */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the fraction (0 to 1) by which jitter may shorten a delay */
    public double jitter() {
        return jitter;
    }

    @Override
    public String toString() {
        return "RetryPolicy{initialDelay=" + initialDelay + ", multiplier=" + multiplier + ", maxDelay="
                + maxDelay + ", maxAttempts=" + maxAttempts + ", jitter=" + jitter + "}";
    }

    /**
     * Builds a {@link RetryPolicy}; each setter refuses a bad value at once with an {@link
     * io.github.inboxkit.core.InvalidValueException} naming it. Not thread-safe.
     */
    public static final class Builder {
        private Duration initialDelay = Duration.ofSeconds(5);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofMinutes(15);
        private int maxAttempts = 8;
        private double jitter = 0.2;

        private Builder() {}

        /**
         * @param initialDelay the delay after the first failure; positive
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if not positive
         */
        public Builder initialDelay(Duration initialDelay) {
            Require.nonNull(initialDelay, "initialDelay");
            Require.argument(!initialDelay.isNegative() && !initialDelay.isZero(), "initialDelay", "must be > 0");
            this.initialDelay = initialDelay;
            return this;
        }

        /**
         * @param multiplier the growth factor; at least 1
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if below 1 or not finite
         */
        public Builder multiplier(double multiplier) {
            Require.argument(multiplier >= 1.0 && !Double.isInfinite(multiplier), "multiplier", "must be >= 1 and finite");
            this.multiplier = multiplier;
            return this;
        }

        /**
         * @param maxDelay the cap on the computed delay; positive
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if not positive
         */
        public Builder maxDelay(Duration maxDelay) {
            Require.nonNull(maxDelay, "maxDelay");
            Require.argument(!maxDelay.isNegative() && !maxDelay.isZero(), "maxDelay", "must be > 0");
            this.maxDelay = maxDelay;
            return this;
        }

        /**
         * @param maxAttempts attempts in all, the first included; at least 1 (1 means never retry)
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            Require.argument(maxAttempts >= 1, "maxAttempts", "must be >= 1");
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param jitter the fraction by which a delay may be randomly shortened, from 0 (none) to 1
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if outside [0, 1]
         */
        public Builder jitter(double jitter) {
            Require.argument(jitter >= 0.0 && jitter <= 1.0, "jitter", "must be within [0, 1]");
            this.jitter = jitter;
            return this;
        }

        /**
         * @return the policy
         * @throws io.github.inboxkit.core.InvalidValueException if the cap is below the initial delay
         */
        public RetryPolicy build() {
            Require.argument(maxDelay.compareTo(initialDelay) >= 0, "maxDelay", "must be >= initialDelay");
            return new RetryPolicy(this);
        }
    }
}
