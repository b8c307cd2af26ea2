package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.WebhookRejectedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
     * Numbers its messages with an unguarded counter, a read-modify-write race: two concurrent
     * submits read the same number and get the same carrier message id. The race is real (nothing
     * guards the counter); a latch only makes the losing interleaving certain instead of likely: the
     * first two submits from other threads than the one that built the carrier both read the counter
     * before either writes it. Calls from the building thread (the kit's single-threaded rules) pass
     * straight through, so they never wait for a partner that will not come.
     */
    static final class RacyCounter extends Delegating {
        private final Map<String, String> ids = new ConcurrentHashMap<>();
        private final Thread builder = Thread.currentThread();
        private final CountDownLatch bothHaveRead = new CountDownLatch(2);
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
            String known = ids.get(accepted.carrierMessageId());
            if (known == null) {
                int number = next;
                holdTheRaceWindowOpen();
                next = number + 1;
                String raced = ids.putIfAbsent(accepted.carrierMessageId(), "RACY-" + number);
                known = raced == null ? "RACY-" + number : raced;
            }
            return SubmitResult.accepted(known, accepted.segmentsBilled());
        }

        private void holdTheRaceWindowOpen() {
            if (Thread.currentThread() == builder || bothHaveRead.getCount() == 0) {
                return;
            }
            bothHaveRead.countDown();
            try {
                bothHaveRead.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Parses webhooks through one shared, unguarded buffer: concurrent parses mix their bodies. As in
     * {@link RacyCounter}, the first two parses from other threads than the building one meet at a
     * latch after appending, so the first of them to read gets both bodies and its genuine sample
     * is refused.
     */
    static final class SharedParseBuffer extends Delegating {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread builder = Thread.currentThread();
        private final CountDownLatch bothHaveWritten = new CountDownLatch(2);

        SharedParseBuffer(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            buffer.writeBytes(request.body());
            if (Thread.currentThread() != builder && bothHaveWritten.getCount() > 0) {
                bothHaveWritten.countDown();
                try {
                    bothHaveWritten.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = buffer.toByteArray();
            buffer.reset();
            return delegate.parseWebhook(request.withBody(body));
        }
    }

    /** Accepts an MMS although it declares no MMS: it drops the media and sends the text alone. */
    static final class MmsDespiteNoCapability extends Delegating {
        MmsDespiteNoCapability(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            return delegate.submit(submission.withMedia(List.of()));
        }
    }

    /** Accepts an alphanumeric sender although it declares none: it silently sends from a long code. */
    static final class AlphanumericDespiteNoCapability extends Delegating {
        AlphanumericDespiteNoCapability(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            if (submission.sender().kind() != SenderKind.ALPHANUMERIC) {
                return delegate.submit(submission);
            }
            return delegate.submit(new OutboundSubmission(submission.idempotencyKey(),
                    Sender.longCode("+14155550100"), submission.recipient(), submission.text(), submission.media(),
                    submission.segmentCount(), submission.encoding()));
        }
    }

    /** Refuses the alphanumeric senders it declares it carries. */
    static final class RefusingDeclaredSender extends Delegating {
        RefusingDeclaredSender(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            SubmitResult result = delegate.submit(submission);
            if (result instanceof SubmitResult.Accepted && submission.sender().kind() == SenderKind.ALPHANUMERIC) {
                return SubmitResult.rejectedPermanently(PermanentReason.SENDER_NOT_ALLOWED, "403",
                        "sender not registered");
            }
            return result;
        }
    }

    /** Cuts idempotency keys to 32 characters, as an API with a short key field would: distinct keys collide. */
    static final class TruncatingIdempotencyKey extends Delegating {
        TruncatingIdempotencyKey(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            String key = submission.idempotencyKey();
            return delegate.submit(new OutboundSubmission(key.substring(0, Math.min(32, key.length())),
                    submission.sender(), submission.recipient(), submission.text(), submission.media(),
                    submission.segmentCount(), submission.encoding()));
        }
    }

    /** Reports a new id on every call to {@code id()}, as an adapter deriving it from mutable configuration might. */
    static final class UnstableId extends Delegating {
        private final AtomicLong calls = new AtomicLong();

        UnstableId(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public String id() {
            return "broken-" + calls.incrementAndGet();
        }
    }

    /**
     * On a body it cannot read, salvages what it can instead of refusing: an empty payload here, as a
     * lenient parser that skips the lines it does not understand would return.
     */
    static final class HalfParsing extends Delegating {
        HalfParsing(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            try {
                return delegate.parseWebhook(request);
            } catch (WebhookRejectedException refused) {
                if (refused.reason() == WebhookRejectedException.Reason.MALFORMED) {
                    return WebhookPayload.ofInbound(List.of());
                }
                throw refused;
            }
        }
    }

    /** Maps the carrier's "undelivered" to DELIVERED, as an adapter with a wrong status table would. */
    static final class MisMappingStatuses extends Delegating {
        MisMappingStatuses(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            return misMapped(delegate.parseWebhook(request));
        }

        static WebhookPayload misMapped(WebhookPayload payload) {
            List<DeliveryReport> reports = new ArrayList<>();
            for (DeliveryReport report : payload.deliveryReports()) {
                reports.add(report.status() != DeliveryStatus.UNDELIVERED ? report
                        : new DeliveryReport(report.carrierMessageId(), DeliveryStatus.DELIVERED, report.carrierErrorCode(),
                                report.occurredAt()));
            }
            return new WebhookPayload(payload.inboundMessages(), reports);
        }
    }

    /**
     * Gives accepted messages its own ids (thread-safely) but passes the underlying carrier's ids
     * through in delivery reports, so reports name messages the engine never heard of.
     */
    static final class ReportsUnderOtherIds extends Delegating {
        private final Map<String, String> ids = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong();

        ReportsUnderOtherIds(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            SubmitResult result = delegate.submit(submission);
            if (!(result instanceof SubmitResult.Accepted accepted)) {
                return result;
            }
            String id = ids.computeIfAbsent(accepted.carrierMessageId(), simulatorId -> "OWN-" + next.incrementAndGet());
            return SubmitResult.accepted(id, accepted.segmentsBilled());
        }
    }

    /**
     * Remembers the bodies it parsed and answers a redelivery with an empty payload. If the engine's
     * transaction failed after the first delivery, the carrier's redelivery would then be lost: the
     * engine, not the carrier, drops repeats (by carrier message id, F32).
     */
    static final class SwallowingRedeliveries extends Delegating {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        SwallowingRedeliveries(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            WebhookPayload payload = delegate.parseWebhook(request);
            return seen.add(Base64.getEncoder().encodeToString(request.body())) ? payload
                    : WebhookPayload.ofInbound(List.of());
        }
    }

    /**
     * Reads only the first value of each header, as parsers calling {@code header(name)} do: a
     * forged signature placed after the genuine one goes unseen.
     */
    static final class FirstSignatureOnly extends Delegating {
        FirstSignatureOnly(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            Map<String, List<String>> firstValues = new LinkedHashMap<>();
            request.headers().forEach((name, values) -> firstValues.put(name, values.subList(0, Math.min(1, values.size()))));
            return delegate.parseWebhook(new WebhookRequest(request.method(), firstValues, request.body()));
        }
    }

    /** Authenticates webhooks by a shared secret in a header, not bound to the body: honest, but weaker. */
    static class SharedSecret extends Delegating {
        static final String HEADER = "X-Shared-Secret";

        SharedSecret(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            String secret = request.signatureHeader(HEADER);
            if (!authentic(secret)) {
                throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_INVALID, "wrong " + HEADER);
            }
            // The simulator parses only signed requests; sign what the shared secret let in.
            return delegate.parseWebhook(delegate.signedRequest(request.body()));
        }

        boolean authentic(String secret) {
            return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    SimulatorConformance.SECRET.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Checks that the shared-secret header is there, not what it says. */
    static final class SharedSecretPresenceOnly extends SharedSecret {
        SharedSecretPresenceOnly(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        boolean authentic(String secret) {
            return true;
        }
    }

    /** The kit against {@link FirstSignatureOnly}. */
    static class FirstSignatureOnlyConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new FirstSignatureOnly(simulated);
        }
    }

    /** Offers a submission lookup that never finds anything, so an accepted message would be sent again. */
    static final class ForgetfulLookup extends Delegating {
        ForgetfulLookup(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public Optional<SubmissionLookup> submissionLookup() {
            return Optional.of(key -> Optional.empty());
        }
    }

    /** Offers a lookup that answers "accepted" for a key it does not know, so a message never sent counts as sent. */
    static final class InventingLookup extends Delegating {
        InventingLookup(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public Optional<SubmissionLookup> submissionLookup() {
            return Optional.of(key -> Optional.of(delegate.findSubmission(key)
                    .orElse(SubmitResult.accepted("INVENTED-" + key.hashCode(), 1))));
        }
    }

    /** Offers a lookup that reports any submission it finds as accepted, permanent refusals included. */
    static final class RefusalAsAcceptedLookup extends Delegating {
        RefusalAsAcceptedLookup(SimulatedCarrier delegate) {
            super(delegate);
        }

        @Override
        public Optional<SubmissionLookup> submissionLookup() {
            return Optional.of(key -> delegate.findSubmission(key)
                    .map(found -> found instanceof SubmitResult.Accepted ? found : SubmitResult.accepted("FOUND-" + key.hashCode(), 1)));
        }
    }

    /** The kit against {@link ForgetfulLookup}. */
    static class ForgetfulLookupConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new ForgetfulLookup(simulated);
        }
    }

    /** The kit against {@link InventingLookup}. */
    static class InventingLookupConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new InventingLookup(simulated);
        }
    }

    /** The kit against {@link RefusalAsAcceptedLookup}. */
    static class RefusalAsAcceptedLookupConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new RefusalAsAcceptedLookup(simulated);
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
        protected Optional<WebhookRequest> deliveryReportWebhookFor(Carrier carrier, SubmitResult.Accepted accepted) {
            return Optional.empty();
        }
    }

    /** The kit against {@link SharedParseBuffer}. */
    static class SharedParseBufferConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new SharedParseBuffer(simulated);
        }
    }

    /** A simulator that carries neither MMS nor alphanumeric senders, at most 3 segments. */
    abstract static class SmsOnlyConformance extends SimulatorConformance {
        @Override
        SimulatedCarrier.Builder configure(SimulatedCarrier.Builder builder) {
            return builder.capabilities(CarrierCapabilities.builder().noMms().alphanumericSenders(false).maxSegments(3)
                    .build());
        }
    }

    /** The kit against {@link MmsDespiteNoCapability}. */
    static class MmsDespiteNoCapabilityConformance extends SmsOnlyConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new MmsDespiteNoCapability(simulated);
        }
    }

    /** The kit against {@link AlphanumericDespiteNoCapability}. */
    static class AlphanumericDespiteNoCapabilityConformance extends SmsOnlyConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new AlphanumericDespiteNoCapability(simulated);
        }
    }

    /** The kit against {@link RefusingDeclaredSender}, configured to send from an alphanumeric sender. */
    static class RefusingDeclaredSenderConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new RefusingDeclaredSender(simulated);
        }

        @Override
        protected Sender sender() {
            return Sender.alphanumeric("InboxKit");
        }
    }

    /** The kit against {@link TruncatingIdempotencyKey}. */
    static class TruncatingIdempotencyKeyConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new TruncatingIdempotencyKey(simulated);
        }
    }

    /** The kit against {@link UnstableId}. */
    static class UnstableIdConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new UnstableId(simulated);
        }
    }

    /** The kit against {@link HalfParsing}. */
    static class HalfParsingConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new HalfParsing(simulated);
        }
    }

    /**
     * {@link HalfParsing} with a signing hook that forges: every malformed body is then refused for
     * its signature, so rule 5.5 passes vacuously, and rule 5.6 must catch the hook.
     */
    static class ForgingSigningHookConformance extends HalfParsingConformance {
        @Override
        protected WebhookRequest signedRequest(Carrier carrier, byte[] body) {
            return simulator.signedRequest(body).withoutHeader(SimulatedCarrier.SIGNATURE_HEADER);
        }
    }

    /** The kit against {@link MisMappingStatuses}, with samples that expect the right statuses. */
    static class MisMappingStatusesConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new MisMappingStatuses(simulated);
        }
    }

    /**
     * {@link MisMappingStatuses} with samples whose expectations were copied from the adapter's own
     * output, so they repeat its mistake: rule 5.1 passes, and rule 6.1 must catch the missing status.
     */
    static class MisMappingStatusesWithCopiedSamplesConformance extends MisMappingStatusesConformance {
        @Override
        protected List<SampleWebhook> sampleWebhooks(Carrier carrier) {
            List<SampleWebhook> copied = new ArrayList<>();
            for (SampleWebhook sample : super.sampleWebhooks(carrier)) {
                copied.add(new SampleWebhook(sample.description(), sample.request(),
                        MisMappingStatuses.misMapped(sample.expected())));
            }
            return copied;
        }
    }

    /** The kit against {@link ReportsUnderOtherIds}. */
    static class ReportsUnderOtherIdsConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new ReportsUnderOtherIds(simulated);
        }
    }

    /** The kit against {@link SwallowingRedeliveries}. */
    static class SwallowingRedeliveriesConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new SwallowingRedeliveries(simulated);
        }
    }

    /** A sound simulator, certified with samples that show no delivery report. */
    static class SamplesWithoutReportsConformance extends SimulatorConformance {
        @Override
        protected List<SampleWebhook> sampleWebhooks(Carrier carrier) {
            return super.sampleWebhooks(carrier).stream()
                    .filter(sample -> sample.expected().deliveryReports().isEmpty())
                    .toList();
        }
    }

    /**
     * {@link AcceptingForgeries} trying the loophole: it declares that its authentication does not
     * cover the body, and names no authentication header.
     */
    static class OptingOutOfBodyAuthenticationConformance extends AcceptingForgeriesConformance {
        @Override
        protected boolean authenticatesBody() {
            return false;
        }

        @Override
        protected Set<String> authenticationHeaders() {
            return Set.of();
        }
    }

    /** The kit against {@link SharedSecret}: samples carry the secret in a header and no signature. */
    static class SharedSecretConformance extends SimulatorConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new SharedSecret(simulated);
        }

        @Override
        protected boolean authenticatesBody() {
            return false;
        }

        @Override
        protected Set<String> authenticationHeaders() {
            return Set.of(SharedSecret.HEADER);
        }

        private static WebhookRequest withSecret(WebhookRequest signed, String secret) {
            return signed.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER)
                    .withoutHeader(SimulatedCarrier.TIMESTAMP_HEADER)
                    .withHeader(SharedSecret.HEADER, secret);
        }

        @Override
        protected List<SampleWebhook> sampleWebhooks(Carrier carrier) {
            return super.sampleWebhooks(carrier).stream()
                    .map(sample -> new SampleWebhook(sample.description(), withSecret(sample.request(), SECRET),
                            sample.expected()))
                    .toList();
        }

        @Override
        protected List<WebhookRequest> forgedWebhooks(Carrier carrier) {
            WebhookRequest genuine = sampleWebhooks(carrier).get(0).request();
            return List.of(genuine.withoutHeader(SharedSecret.HEADER),
                    genuine.withHeader(SharedSecret.HEADER, "an-attacker-guessing-secret"));
        }

        @Override
        protected WebhookRequest signedRequest(Carrier carrier, byte[] body) {
            return withSecret(simulator.signedRequest(body), SECRET);
        }

        @Override
        protected Optional<WebhookRequest> deliveryReportWebhookFor(Carrier carrier, SubmitResult.Accepted accepted) {
            return super.deliveryReportWebhookFor(carrier, accepted).map(signed -> withSecret(signed, SECRET));
        }
    }

    /** The kit against {@link SharedSecretPresenceOnly}. */
    static class SharedSecretPresenceOnlyConformance extends SharedSecretConformance {
        @Override
        Carrier wrap(SimulatedCarrier simulated) {
            return new SharedSecretPresenceOnly(simulated);
        }
    }
}
