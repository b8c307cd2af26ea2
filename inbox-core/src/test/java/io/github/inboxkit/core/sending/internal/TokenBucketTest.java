package io.github.inboxkit.core.sending.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    @DisplayName("a bucket at 10 per second grants a burst of 10, then one per 100 ms, without sleeping")
    void grantsBurstThenSteadyRate() {
        TokenBucket bucket = new TokenBucket(10, TokenBucket.burstFor(10), T0);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryAcquire(T0)).isTrue();
        }
        assertThat(bucket.tryAcquire(T0)).isFalse();
        assertThat(bucket.timeUntilNextToken(T0)).isEqualTo(Duration.ofMillis(100));
        assertThat(bucket.tryAcquire(T0.plusMillis(99))).isFalse();
        assertThat(bucket.tryAcquire(T0.plusMillis(100))).isTrue();
    }

    @Test
    @DisplayName("a rate below one per second still grants one message, then waits")
    void slowRate() {
        TokenBucket bucket = new TokenBucket(0.5, TokenBucket.burstFor(0.5), T0);
        assertThat(bucket.tryAcquire(T0)).isTrue();
        assertThat(bucket.tryAcquire(T0.plusSeconds(1))).isFalse();
        assertThat(bucket.timeUntilNextToken(T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryAcquire(T0.plusSeconds(2))).isTrue();
    }

    @Test
    @DisplayName("a clock stepping back mints no tokens")
    void clockSteppingBack() {
        TokenBucket bucket = new TokenBucket(1, TokenBucket.burstFor(1), T0);
        assertThat(bucket.tryAcquire(T0)).isTrue();
        assertThat(bucket.tryAcquire(T0.minusSeconds(10))).isFalse();
        assertThat(bucket.tryAcquire(T0)).isFalse();
    }

    @Property
    @Label("over any window, grants never exceed burst plus rate times elapsed time")
    void neverExceedsDeclaredRate(
            @ForAll @IntRange(min = 1, max = 50) int ratePerSecond,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 200) Integer> stepsMillis) {
        TokenBucket bucket = new TokenBucket(ratePerSecond, TokenBucket.burstFor(ratePerSecond), T0);
        Instant now = T0;
        int granted = 0;
        for (int step : stepsMillis) {
            now = now.plusMillis(step);
            if (bucket.tryAcquire(now)) {
                granted++;
            }
        }
        double elapsedSeconds = Duration.between(T0, now).toMillis() / 1000.0;
        assertThat((double) granted).isLessThanOrEqualTo(ratePerSecond + ratePerSecond * elapsedSeconds + 1e-9);
    }
}
