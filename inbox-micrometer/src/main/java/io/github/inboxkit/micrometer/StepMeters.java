package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.sending.DispatchSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The dispatcher step meters: steps timed by outcome, and their summaries' counts by result. */
final class StepMeters {

    static final int IDLE = 0;
    static final int BUSY = 1;
    static final int FAILED = 2;
    private static final String[] OUTCOMES = {"idle", "busy", "failed"};

    /** The counts of a {@link DispatchSummary}, as result tags, in the order of {@link #counts}. */
    private static final String[] RESULTS = {"written", "claimed", "sent", "retried", "failed", "skipped", "deferred",
        "carrier_errors", "unrecorded"};

    private final Timer[] steps = new Timer[OUTCOMES.length];
    private final TagValues.Lazy<Counter> messages;

    StepMeters(MeterRegistry registry) {
        for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
            steps[outcome] = Timer.builder(InboxKitMetrics.DISPATCHER_STEPS)
                    .description("Dispatcher steps and their duration, by outcome")
                    .tag("outcome", OUTCOMES[outcome])
                    .register(registry);
        }
        messages = new TagValues.Lazy<>(RESULTS.length, index -> InboxKitMetrics.counter(registry,
                InboxKitMetrics.DISPATCHER_MESSAGES, "What dispatcher steps did to messages, by result",
                "result", RESULTS[index]));
    }

    void step(int outcome, long nanos) {
        steps[outcome].record(nanos, TimeUnit.NANOSECONDS);
    }

    void summary(DispatchSummary summary) {
        int[] counts = counts(summary);
        for (int result = 0; result < counts.length; result++) {
            if (counts[result] > 0) {
                messages.get(result).increment(counts[result]);
            }
        }
    }

    void written(int copies) {
        if (copies > 0) {
            messages.get(0).increment(copies);
        }
    }

    private static int[] counts(DispatchSummary summary) {
        return new int[] {summary.written(), summary.claimed(), summary.sent(), summary.retried(), summary.failed(),
            summary.skipped(), summary.deferred(), summary.carrierErrors(), summary.unrecorded()};
    }
}
