package io.github.inboxkit.core.sending.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class LeaseBudgetProperties {

    @Property
    @Label("F31 the shortest lease the builder accepts holds the batch at the timeout with a tenth to record, and a millisecond less does not")
    void minimumLeaseIsTight(@ForAll @IntRange(min = 1, max = 10_000) int batch,
            @ForAll @LongRange(min = 1, max = 120_000) long timeoutMillis) {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        Duration lease = LeaseBudget.minimumLease(batch, timeout);

        assertThat(lease.minus(LeaseBudget.recordReserve(lease))).isGreaterThanOrEqualTo(timeout.multipliedBy(batch));
        assertThat(LeaseBudget.largestBatch(lease, timeout)).isGreaterThanOrEqualTo(batch);
        Duration shorter = lease.minusMillis(1);
        if (!shorter.isZero()) {
            assertThat(LeaseBudget.largestBatch(shorter, timeout)).isLessThan(batch);
        }
    }
}
