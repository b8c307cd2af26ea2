package io.github.inboxkit.micrometer;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A carrier that measures the one it wraps: submits by outcome and reason, their latency, lookups
 * by result, and the delivery reports its webhooks carry by status. Every SPI method is delegated;
 * the optional submission lookup is kept (measured) exactly when the wrapped carrier has one.
 */
final class MeteredCarrier implements Carrier {

    /** Outcomes, as tag values, in the order of {@link #outcomeIndex}. */
    private static final String[] OUTCOMES = {"accepted", "permanent", "transient"};
    private static final int ACCEPTED = 0;
    private static final int PERMANENT = 1;
    private static final int TRANSIENT = 2;
    /** Reasons: none (accepted), then the permanent reasons, then the transient ones. */
    private static final String[] REASONS = reasons();
    private static final int PERMANENT_REASONS_START = 1;
    private static final int TRANSIENT_REASONS_START = 1 + PermanentReason.values().length;
    /** Lookup results: the three outcomes (same indexes), then these two. */
    private static final String[] LOOKUP_RESULTS = {"accepted", "permanent", "transient", "not_found", "error"};
    private static final int NOT_FOUND = 3;
    private static final int LOOKUP_ERROR = 4;

    private final Carrier delegate;
    private final MeterRegistry registry;
    private final Optional<SubmissionLookup> lookup;
    /** [sender kind][reason] */
    private final TagValues.Lazy<Counter> sends;
    /** [sender kind][outcome] */
    private final TagValues.Lazy<Timer> submits;
    private final TagValues.Lazy<Counter> lookups;
    private final TagValues.Lazy<Counter> reports;

    MeteredCarrier(Carrier delegate, MeterRegistry registry, double[] percentiles, boolean histogram) {
        this.delegate = delegate;
        this.registry = registry;
        String carrier = delegate.id();
        int kinds = SenderKind.values().length;
        this.sends = new TagValues.Lazy<>(kinds * REASONS.length, index -> {
            int reason = index % REASONS.length;
            return InboxKitMetrics.counter(registry, InboxKitMetrics.CARRIER_SENDS,
                    "A carrier's answers to submits, by outcome and standard reason",
                    "carrier", carrier, "sender.kind", TagValues.of(SenderKind.values()[index / REASONS.length]),
                    "outcome", OUTCOMES[outcomeOfReason(reason)], "reason", REASONS[reason]);
        });
        this.submits = new TagValues.Lazy<>(kinds * OUTCOMES.length, index -> Timer
                .builder(InboxKitMetrics.CARRIER_SUBMIT)
                .description("How long a carrier's submit took, by outcome")
                .tags("carrier", carrier, "sender.kind", TagValues.of(SenderKind.values()[index / OUTCOMES.length]),
                        "outcome", OUTCOMES[index % OUTCOMES.length])
                .publishPercentiles(percentiles.length == 0 ? null : percentiles)
                .publishPercentileHistogram(histogram)
                .register(registry));
        this.lookups = new TagValues.Lazy<>(LOOKUP_RESULTS.length, index -> InboxKitMetrics.counter(registry,
                InboxKitMetrics.CARRIER_LOOKUPS, "A carrier's submission lookups, by result",
                "carrier", carrier, "result", LOOKUP_RESULTS[index]));
        this.reports = new TagValues.Lazy<>(DeliveryStatus.values().length, index -> InboxKitMetrics.counter(registry,
                InboxKitMetrics.DELIVERY_REPORTS, "Delivery reports a carrier's webhooks carried, by status",
                "carrier", carrier, "status", TagValues.of(DeliveryStatus.values()[index])));
        this.lookup = delegate.submissionLookup().map(this::metered);
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public CarrierCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public SubmitResult submit(OutboundSubmission submission) {
        long start = registry.config().clock().monotonicTime();
        int kind = submission.sender().kind().ordinal();
        SubmitResult result;
        try {
            result = delegate.submit(submission);
        } catch (RuntimeException | Error e) {
            // the engine treats an escaped exception as a transient unexpected error: so do the metrics
            record(kind, TRANSIENT_REASONS_START + TransientReason.UNEXPECTED_ERROR.ordinal(), start);
            throw e;
        }
        if (result != null) {
            record(kind, reasonIndex(result), start);
        }
        return result;
    }

    @Override
    public Optional<SubmissionLookup> submissionLookup() {
        return lookup;
    }

    @Override
    public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        WebhookPayload payload = delegate.parseWebhook(request);
        if (payload != null) {
            for (DeliveryReport report : payload.deliveryReports()) {
                reports.get(report.status().ordinal()).increment();
            }
        }
        return payload;
    }

    @Override
    public String toString() {
        return "metered " + delegate;
    }

    private void record(int kind, int reason, long start) {
        long elapsed = registry.config().clock().monotonicTime() - start;
        sends.get(kind * REASONS.length + reason).increment();
        submits.get(kind * OUTCOMES.length + outcomeOfReason(reason)).record(elapsed, TimeUnit.NANOSECONDS);
    }

    private SubmissionLookup metered(SubmissionLookup original) {
        return idempotencyKey -> {
            Optional<SubmitResult> found;
            try {
                found = original.findSubmission(idempotencyKey);
            } catch (RuntimeException | Error e) {
                lookups.get(LOOKUP_ERROR).increment();
                throw e;
            }
            int result = found == null || found.isEmpty() ? NOT_FOUND : outcomeOfReason(reasonIndex(found.get()));
            lookups.get(result).increment();
            return found;
        };
    }

    private static int reasonIndex(SubmitResult result) {
        return result.fold(accepted -> 0,
                permanent -> PERMANENT_REASONS_START + permanent.reason().ordinal(),
                transientRefusal -> TRANSIENT_REASONS_START + transientRefusal.reason().ordinal());
    }

    private static int outcomeOfReason(int reason) {
        if (reason == 0) {
            return ACCEPTED;
        }
        return reason < TRANSIENT_REASONS_START ? PERMANENT : TRANSIENT;
    }

    private static String[] reasons() {
        PermanentReason[] permanent = PermanentReason.values();
        TransientReason[] transientReasons = TransientReason.values();
        String[] reasons = new String[1 + permanent.length + transientReasons.length];
        reasons[0] = TagValues.NONE;
        for (PermanentReason reason : permanent) {
            reasons[1 + reason.ordinal()] = TagValues.of(reason);
        }
        for (TransientReason reason : transientReasons) {
            reasons[1 + permanent.length + reason.ordinal()] = TagValues.of(reason);
        }
        return reasons;
    }
}
