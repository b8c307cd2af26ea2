package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.micrometer.core.instrument.Clock;

/**
 * A dispatcher that times the steps of the one it wraps, counts their summaries and notes each
 * step in a {@link DispatchActivity}. Every method is delegated; a step's exception is rethrown.
 */
final class MeteredDispatcher implements Dispatcher {

    private final Dispatcher delegate;
    private final StepMeters meters;
    private final DispatchActivity activity;
    private final Clock clock;

    MeteredDispatcher(Dispatcher delegate, StepMeters meters, DispatchActivity activity, Clock clock) {
        this.delegate = delegate;
        this.meters = meters;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public DispatchSummary dispatchDue() {
        long start = clock.monotonicTime();
        DispatchSummary summary;
        try {
            summary = delegate.dispatchDue();
        } catch (RuntimeException | Error e) {
            meters.step(StepMeters.FAILED, clock.monotonicTime() - start);
            activity.stepFailed();
            throw e;
        }
        meters.step(summary.isIdle() ? StepMeters.IDLE : StepMeters.BUSY, clock.monotonicTime() - start);
        meters.summary(summary);
        activity.stepSucceeded();
        return summary;
    }

    @Override
    public int writeBroadcastCopies() {
        int written = delegate.writeBroadcastCopies();
        meters.written(written);
        return written;
    }

    @Override
    public int batchSize() {
        return delegate.batchSize();
    }

    @Override
    public String toString() {
        return "metered " + delegate;
    }
}
