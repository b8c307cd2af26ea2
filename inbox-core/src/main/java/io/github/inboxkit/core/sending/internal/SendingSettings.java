package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.sending.RetryPolicy;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.sending.ThroughputLimit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.inboxkit.core.sending.SendingOptions;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * The sending options as the front door's builder collects them: each setter refuses a bad value
 * at once, and every option has its default here, so that nothing the host set is replaced when
 * the engine is built. Not thread-safe: the builder's thread only.
 */
public final class SendingSettings implements SendingOptions {

    private RetryPolicy retryPolicy = RetryPolicy.standard();
    private RandomGenerator random = new Random();
    private Duration lease;
    private Executor carrierCallExecutor;
    private int dispatchBatchSize = 100;
    private int broadcastBatchSize = 500;
    private String defaultCarrierId;
    private Duration idempotencyWindow = Sending.DEFAULT_IDEMPOTENCY_WINDOW;
    private Duration unmatchedReportRetention = Sending.DEFAULT_UNMATCHED_REPORT_RETENTION;
    private final Map<String, ThroughputLimit> throughputLimits = new LinkedHashMap<>();

    /** Creates the options with their defaults. */
    public SendingSettings() {}

    @Override
    public SendingSettings retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Require.nonNull(retryPolicy, "retryPolicy");
        return this;
    }

    @Override
    public SendingSettings random(RandomGenerator random) {
        this.random = Require.nonNull(random, "random");
        return this;
    }

    @Override
    public SendingSettings lease(Duration lease) {
        Require.nonNull(lease, "lease");
        Require.argument(!lease.isNegative() && !lease.isZero(), "lease", "must be > 0, got " + lease);
        this.lease = lease;
        return this;
    }

    @Override
    public SendingSettings carrierCallExecutor(Executor executor) {
        this.carrierCallExecutor = Require.nonNull(executor, "executor");
        return this;
    }

    @Override
    public SendingSettings dispatchBatchSize(int size) {
        this.dispatchBatchSize = requireRange(size, 1, 10_000, "dispatchBatchSize");
        return this;
    }

    @Override
    public SendingSettings broadcastBatchSize(int size) {
        this.broadcastBatchSize = requireRange(size, 1, 1_000, "broadcastBatchSize");
        return this;
    }

    @Override
    public SendingSettings defaultCarrier(String carrierId) {
        this.defaultCarrierId = Require.nonNull(carrierId, "defaultCarrier");
        return this;
    }

    @Override
    public SendingSettings idempotencyWindow(Duration window) {
        this.idempotencyWindow = requireDuration(window, Duration.ofMinutes(1), Duration.ofDays(7),
                "idempotencyWindow", "1 minute to 7 days");
        return this;
    }

    @Override
    public SendingSettings unmatchedReportRetention(Duration retention) {
        this.unmatchedReportRetention = requireDuration(retention, Duration.ofHours(1), Duration.ofDays(365),
                "unmatchedReportRetention", "1 hour to 365 days");
        return this;
    }

    @Override
    public SendingSettings throughputLimit(ThroughputLimit limit) {
        Require.nonNull(limit, "limit");
        throughputLimits.put(limit.key(), limit);
        return this;
    }

    /** @return the host's throughput limits, in the order added */
    List<ThroughputLimit> throughputLimits() {
        return List.copyOf(throughputLimits.values());
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    RandomGenerator random() {
        return random;
    }

    /** @return the lease the host set, or null for the default */
    Duration lease() {
        return lease;
    }

    /** @return the executor the host set, or the default of a short-lived thread per call */
    Executor carrierCallExecutor() {
        return carrierCallExecutor == null ? CarrierCalls.THREAD_PER_CALL : carrierCallExecutor;
    }

    int dispatchBatchSize() {
        return dispatchBatchSize;
    }

    int broadcastBatchSize() {
        return broadcastBatchSize;
    }

    /** @return the default carrier's id the host set, or null for the first registered */
    String defaultCarrierId() {
        return defaultCarrierId;
    }

    Duration idempotencyWindow() {
        return idempotencyWindow;
    }

    /** @return how long the retention purge keeps delivery reports that matched no message */
    public Duration unmatchedReportRetention() {
        return unmatchedReportRetention;
    }

    private static Duration requireDuration(Duration value, Duration min, Duration max, String name, String range) {
        Require.nonNull(value, name);
        Require.argument(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, name,
                "must be " + range + ", got " + value);
        return value;
    }

    private static int requireRange(int value, int min, int max, String name) {
        Require.argument(value >= min && value <= max, name, "must be within [" + min + ", " + max + "]");
        return value;
    }
}
