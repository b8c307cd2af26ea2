package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InvalidValueException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy noJitter = RetryPolicy.builder()
            .initialDelay(Duration.ofSeconds(1))
            .multiplier(2)
            .maxDelay(Duration.ofSeconds(30))
            .maxAttempts(6)
            .jitter(0)
            .build();

    @Test
    @DisplayName("F31 transient failures back off exponentially up to the cap, then give up after max attempts")
    void backsOffExponentiallyThenGivesUp() {
        Random random = new Random(1);
        assertThat(noJitter.delayAfterFailure(1, Optional.empty(), random)).contains(Duration.ofSeconds(1));
        assertThat(noJitter.delayAfterFailure(2, Optional.empty(), random)).contains(Duration.ofSeconds(2));
        assertThat(noJitter.delayAfterFailure(3, Optional.empty(), random)).contains(Duration.ofSeconds(4));
        assertThat(noJitter.delayAfterFailure(5, Optional.empty(), random)).contains(Duration.ofSeconds(16));
        assertThat(noJitter.delayAfterFailure(6, Optional.empty(), random)).isEmpty();
        RetryPolicy capped = RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(5))
                .maxAttempts(100).jitter(0).build();
        assertThat(capped.delayAfterFailure(50, Optional.empty(), random)).contains(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("F31 a carrier's retry-after is honoured even beyond the cap")
    void honoursRetryAfter() {
        Random random = new Random(1);
        assertThat(noJitter.delayAfterFailure(1, Optional.of(Duration.ofMinutes(5)), random))
                .contains(Duration.ofMinutes(5));
        assertThat(noJitter.delayAfterFailure(4, Optional.of(Duration.ofMillis(10)), random))
                .contains(Duration.ofSeconds(8));
    }

    @Test
    @DisplayName("F31 jitter from a seeded random is reproducible")
    void seededJitterIsReproducible() {
        RetryPolicy policy = RetryPolicy.standard();
        assertThat(policy.delayAfterFailure(3, Optional.empty(), new Random(42)))
                .isEqualTo(policy.delayAfterFailure(3, Optional.empty(), new Random(42)));
    }

    @Test
    @DisplayName("the builder refuses bad values when they are given, naming them")
    void builderFailsFast() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ZERO)).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofSeconds(1)).build())
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> noJitter.delayAfterFailure(0, Optional.empty(), new Random()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("failedAttempts");
    }

    @Property
    @Label("F31 every delay lies between the jittered floor and the cap, or the retry-after if longer")
    void delayIsBounded(
            @ForAll @IntRange(min = 1, max = 40) int failedAttempts,
            @ForAll @LongRange(min = 0, max = 7_200_000) long retryAfterMillis,
            @ForAll boolean carrierSaid,
            @ForAll long seed) {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(41).build();
        Optional<Duration> retryAfter = carrierSaid ? Optional.of(Duration.ofMillis(retryAfterMillis)) : Optional.empty();
        Duration delay = policy.delayAfterFailure(failedAttempts, retryAfter, new Random(seed)).orElseThrow();
        double base = Math.min(policy.maxDelay().toMillis(),
                policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), failedAttempts - 1));
        long floor = (long) Math.floor(base * (1 - policy.jitter()));
        assertThat(delay.toMillis()).isGreaterThanOrEqualTo(floor);
        retryAfter.ifPresent(after -> assertThat(delay).isGreaterThanOrEqualTo(after));
        Duration ceiling = retryAfter.filter(after -> after.compareTo(policy.maxDelay()) > 0).orElse(policy.maxDelay());
        assertThat(delay).isLessThanOrEqualTo(ceiling);
    }

    @Property
    @Label("F31 a message is never retried more than max attempts in all")
    void givesUpExactlyAtMaxAttempts(@ForAll @IntRange(min = 1, max = 20) int maxAttempts, @ForAll long seed) {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(maxAttempts).build();
        Random random = new Random(seed);
        int attempts = 1;
        while (policy.delayAfterFailure(attempts, Optional.empty(), random).isPresent()) {
            attempts++;
        }
        assertThat(attempts).isEqualTo(maxAttempts);
    }
}
