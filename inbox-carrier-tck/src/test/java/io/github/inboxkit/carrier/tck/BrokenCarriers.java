package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deliberately broken carriers, each with one fault a real adapter could have, and the kit wired
 * to each. The suites' names lack the {@code Test} suffix so that Maven does not run them: {@link
 * BrokenCarriersTest} runs them through the JUnit Platform test kit and expects their failures.
 */
final class BrokenCarriers {

    private BrokenCarriers() {}

    /** Delegates everything to the simulator; subclasses break one thing. */
    abstract static class Delegating implements Carrier {
        final SimulatedCarrier delegate;

        Delegating(SimulatedCarrier delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return "broken";
        }

        @Override
        public CarrierCapabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            return delegate.submit(submission);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            return delegate.parseWebhook(request);
        }
    }

    /** Turns the carrier's refusals into exceptions, as an adapter that maps HTTP 4xx to throw would. */
    static final class ThrowingOnRefusal extends Delegating {
        ThrowingOnRefusal(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            SubmitResult result = delegate.submit(submission);
            if (result instanceof SubmitResult.RejectedPermanently refused) {
                throw new IllegalStateException("HTTP 400 from carrier: " + refused.carrierCode());
            }
            return result;
        }
    }

    /** Never checks the signature: it re-signs whatever arrives before parsing it. */
    static final class AcceptingForgeries extends Delegating {
        AcceptingForgeries(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            return delegate.parseWebhook(delegate.signedRequest(request.body()));
        }
    }

    /** Ignores the idempotency key, so every retry is a new message. */
    static final class IgnoringIdempotencyKey extends Delegating {
        private final AtomicLong attempt = new AtomicLong();

        IgnoringIdempotencyKey(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            OutboundSubmission fresh = new OutboundSubmission(
                    submission.idempotencyKey() + "#" + attempt.incrementAndGet(), submission.sender(),
                    submission.recipient(), submission.text(), submission.media(), submission.segmentCount(),
                    submission.encoding());
            return delegate.submit(fresh);
        }
    }

    /**
     * Numbers its messages with an unguarded counter, a read-modify-write race: concurrent submits
     * get the same carrier message id. The pause widens the race window so that the fault shows on
     * every run rather than now and then.
     */
    static final class RacyCounter extends Delegating {
        private final Map<String, String> ids = new ConcurrentHashMap<>();
        private int next;

        RacyCounter(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            SubmitResult result = delegate.submit(submission);
            if (!(result instanceof SubmitResult.Accepted accepted)) {
                return result;
            }
            String id = ids.computeIfAbsent(accepted.carrierMessageId(), simulatorId -> {
                int number = next;
                pause();
                next = number + 1;
                return "RACY-" + number;
            });
            return SubmitResult.accepted(id, accepted.segmentsBilled());
        }

        private static void pause() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The kit against {@link ThrowingOnRefusal}. */
    static class ThrowingOnRefusalConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new ThrowingOnRefusal(simulated);
        }
    }

    /** The kit against {@link AcceptingForgeries}. */
    static class AcceptingForgeriesConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new AcceptingForgeries(simulated);
        }
    }

    /** The kit against {@link IgnoringIdempotencyKey}. */
    static class IgnoringIdempotencyKeyConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new IgnoringIdempotencyKey(simulated);
        }
    }

    /** The kit against {@link RacyCounter}. */
    static class RacyCounterConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new RacyCounter(simulated);
        }

        /** The renumbering wrapper does not rewrite the simulator's reports; keep this suite to its one fault. */
        @Override
        protected java.util.Optional<io.github.inboxkit.carrier.WebhookRequest> deliveryReportWebhookFor(
                Carrier carrier, SubmitResult.Accepted accepted) {
            return java.util.Optional.empty();
        }
    }
}
