package io.github.inboxkit.carrier.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The carrier conformance suite. A vendor extends it in its tests (with {@code inbox-carrier-tck}
 * in test scope), supplies a configured carrier and webhook samples, and runs it like any JUnit 5
 * test class:
 *
 * <pre>{@code
 * class AcmeCarrierConformanceTest extends CarrierConformanceTest {
 *     protected Carrier createCarrier() { return new AcmeCarrier(sandboxConfig()); }
 *     protected Map<String, PermanentReason> refusedRecipients() { return Map.of("+15005550001", PermanentReason.INVALID_NUMBER); }
 *     protected List<SampleWebhook> sampleWebhooks(Carrier carrier) { ... }
 *     protected List<WebhookRequest> forgedWebhooks(Carrier carrier) { ... }
 *     protected WebhookRequest signedRequest(Carrier carrier, byte[] body) { ... }
 * }
 * }</pre>
 *
 * <p>Rules are grouped in {@link Nested} classes and numbered {@code rule_<section>_<n>} as in the
 * Reactive Streams TCK; each {@link DisplayName} states the rule in plain words with the InboxKit
 * feature it protects (F29 carrier SPI, F31 delivery status, F32 idempotent ingestion). A rule about
 * a capability checks the side the carrier declares (an MMS is refused by a carrier that declares
 * none, accepted by one that declares MMS), so that it always checks something. Rules that need
 * something the vendor may not supply (rule 5.8 without {@link #authenticationHeaders()}, rule 6.2
 * without {@link #deliveryReportWebhookFor}) are skipped, not passed. Opting out of a check is
 * visible in the same way: a carrier
 * whose webhook authentication does not cover the body ({@link #authenticatesBody()} false) sees
 * rule 5.4 aborted with a "CERTIFICATION GAP" reason, and must pass rule 5.8 (an authentication
 * header, refused when missing or altered) instead. The rules of section 7 check the optional
 * {@link SubmissionLookup} and run only for a carrier that offers one ({@link
 * Carrier#submissionLookup()} present).
 *
 * <p>Each test gets a fresh carrier from {@link #createCarrier()}. Transient rejections are
 * retried up to {@link #maxAttemptsPerSubmission()} times, so a carrier with a sandbox that fails
 * now and then still certifies; the carrier under test should otherwise be quiet (no random
 * permanent failures for ordinary recipients).
 *
 * <p>A run that executes none of the rules fails rather than passes: a test runner that selects
 * the class but not its {@link Nested} rule classes (Maven Surefire before 3.0.0-M6 when the class
 * is chosen with {@code -Dtest=...}) would otherwise report a green certification that checked
 * nothing. After the class has run, the kit counts the rules that started and fails the class,
 * naming the cause, when there were none.
 */
@ExtendWith(CarrierConformanceTest.RulesMustRun.class)
public abstract class CarrierConformanceTest {

    /** The carrier under test, fresh for each test. */
    protected Carrier carrier;

    /** A prefix that keeps this run's idempotency keys apart from earlier runs against a real sandbox. */
    private final String run = "tck-" + UUID.randomUUID() + "-";

    /**
     * Creates a configured carrier for one test.
     *
     * @return a new carrier, configured as the vendor's tests need (sandbox credentials, test secret)
     */
    protected abstract Carrier createCarrier();

    /**
     * Recipients the configured carrier refuses for good, with the standard reason it must answer:
     * at least one, ideally an invalid number ({@link PermanentReason#INVALID_NUMBER}) and an
     * opted-out one ({@link PermanentReason#OPTED_OUT}).
     *
     * @return E.164 numbers and the reason each must be refused with
     */
    protected abstract Map<String, PermanentReason> refusedRecipients();

    /**
     * Genuine webhook requests, authenticated for now with the configured secret, each with the
     * payload it must parse to. Together they should show an inbound message and delivery reports
     * in every status of {@link #reportedStatuses()}.
     *
     * @param carrier the carrier under test, for carriers (like the simulator) that sign their own samples
     * @return at least one sample
     */
    protected abstract List<SampleWebhook> sampleWebhooks(Carrier carrier);

    /**
     * Requests that look like the carrier's but are not authentic: no signature, a wrong one, one
     * made with another secret, a stale timestamp.
     *
     * @param carrier the carrier under test
     * @return at least one forged request
     */
    protected abstract List<WebhookRequest> forgedWebhooks(Carrier carrier);

    /**
     * Wraps arbitrary body bytes in a request the carrier will find authentic (correct signature,
     * timestamp, method and content type), so the kit can check that malformed bodies are refused
     * even when correctly signed.
     *
     * @param carrier the carrier under test
     * @param body the body to sign
     * @return the authenticated request
     */
    protected abstract WebhookRequest signedRequest(Carrier carrier, byte[] body);

    /**
     * The sender the kit submits from; override if the sandbox requires a specific number.
     *
     * @return a sender the configured carrier accepts
     */
    protected Sender sender() {
        return Sender.longCode("+14155550100");
    }

    /**
     * A recipient the configured carrier accepts messages to.
     *
     * @return an E.164 number
     */
    protected String deliverableRecipient() {
        return "+14155550123";
    }

    /**
     * The standard statuses the carrier's delivery reports can take; the samples must cover each.
     *
     * @return by default all four
     */
    protected Set<DeliveryStatus> reportedStatuses() {
        return EnumSet.allOf(DeliveryStatus.class);
    }

    /**
     * Whether the authentication covers the body, so that a tampered body must be refused (rule 5.4).
     * Return false only for carriers authenticated by a shared secret that is not bound to the body.
     * That is a <em>certification gap</em>, not a pass: rule 5.4 is then reported as aborted with
     * the reason, and rule 5.8 requires the request to be authenticated by a header named in {@link
     * #authenticationHeaders()} instead. A carrier whose signature covers only some fields of the body
     * keeps this true and overrides {@link #tamperedBodies(byte[])}.
     *
     * @return true by default
     */
    protected boolean authenticatesBody() {
        return true;
    }

    /**
     * Alterations of a genuine sample body that the carrier's authentication covers, each of which
     * rule 5.4 expects to be refused. The default flips one bit of the first, the middle and the last
     * byte, right for a signature over the whole body. A carrier whose signature covers only some
     * fields overrides this to alter those fields (the message id, the numbers, the text, the status);
     * it must return at least one alteration for each sample, or rule 5.4 fails.
     *
     * @param body the body of a genuine sample
     * @return altered copies of the body, each different from it
     */
    protected List<byte[]> tamperedBodies(byte[] body) {
        List<byte[]> tampered = new ArrayList<>();
        if (body.length == 0) {
            return tampered;
        }
        for (int position : new int[] {0, body.length / 2, body.length - 1}) {
            byte[] copy = body.clone();
            copy[position] ^= 0x01;
            tampered.add(copy);
        }
        return tampered;
    }

    /**
     * The request headers that carry the webhook's signature or shared secret, e.g. {@code
     * "X-Acme-Signature"}. Rule 5.8 removes each from a genuine sample, and alters its value, and
     * expects both to be refused. Required when {@link #authenticatesBody()} is false; when it is
     * true and this is empty, rule 5.8 is skipped (rules 5.3 and 5.4 cover the signature). Rule
     * 5.9 repeats these headers, and those without which the carrier reports {@code
     * SIGNATURE_MISSING}, with a forged value.
     *
     * @return the header names, empty by default
     */
    protected Set<String> authenticationHeaders() {
        return Set.of();
    }

    /**
     * Bodies that are not well formed in the carrier's format; the kit signs each with {@link
     * #signedRequest} and expects a {@link WebhookRejectedException}. The default derives them from
     * the samples: empty, random binary, invalid UTF-8, the first sample cut in half, and the first
     * sample followed by garbage. Override if one of these happens to be valid in the carrier's format.
     *
     * @param sampleBodies the bodies of {@link #sampleWebhooks}
     * @return bodies that must be refused
     */
    protected List<byte[]> malformedBodies(List<byte[]> sampleBodies) {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[0]);
        byte[] random = new byte[64];
        new Random(29).nextBytes(random);
        bodies.add(random);
        bodies.add(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28});
        if (!sampleBodies.isEmpty()) {
            byte[] first = sampleBodies.get(0);
            bodies.add(Arrays.copyOf(first, first.length / 2));
            byte[] trailing = "\u0000}{&=%zz".getBytes(StandardCharsets.UTF_8);
            byte[] extended = Arrays.copyOf(first, first.length + trailing.length);
            System.arraycopy(trailing, 0, extended, first.length, trailing.length);
            bodies.add(extended);
        }
        return bodies;
    }

    /**
     * A webhook carrying delivery reports for a message the carrier accepted during the test, if the
     * carrier can produce one in a test (the simulator can; a real sandbox usually calls back later).
     *
     * @param carrier the carrier under test
     * @param accepted the accepted message
     * @return the webhook, or empty to skip the rule that needs it
     */
    protected Optional<WebhookRequest> deliveryReportWebhookFor(Carrier carrier, SubmitResult.Accepted accepted) {
        return Optional.empty();
    }

    /**
     * Checks what a repeated submission with the same idempotency key answered. The default expects
     * the carrier message id of the first answer; a carrier with another documented deduplication
     * (e.g. refusing the repeat as a duplicate) overrides this, keeping it strict.
     *
     * @param first the answer to the first submission
     * @param repeat the answer to the repeat
     */
    protected void assertRepeatIsTheSameMessage(SubmitResult.Accepted first, SubmitResult repeat) {
        assertThat(repeat)
                .as("a repeat of an idempotency key must answer the first carrier message id, not send again")
                .isInstanceOf(SubmitResult.Accepted.class);
        assertThat(((SubmitResult.Accepted) repeat).carrierMessageId())
                .as("the carrier message id answered to the repeat must be the first answer's (%s), not a second message",
                        first.carrierMessageId())
                .isEqualTo(first.carrierMessageId());
    }

    /**
     * How many threads submit at once in the concurrency rules.
     *
     * @return 8 by default
     */
    protected int concurrentThreads() {
        return 8;
    }

    /**
     * How many distinct messages each thread submits in the concurrency rules.
     *
     * @return 25 by default; a sandbox with a low rate limit may lower it
     */
    protected int submissionsPerThread() {
        return 25;
    }

    /**
     * How many times the kit submits a message that is rejected transiently before giving up.
     *
     * @return 10 by default
     */
    protected int maxAttemptsPerSubmission() {
        return 10;
    }

    @BeforeEach
    void createCarrierUnderTest() {
        carrier = createCarrier();
        assertThat(carrier).as("createCarrier() must return a carrier").isNotNull();
    }

    /**
     * A plain SMS the configured carrier accepts.
     *
     * @param key the idempotency key (already unique to this run)
     * @return the submission
     */
    protected OutboundSubmission sms(String key) {
        return OutboundSubmission.sms(key, sender(), deliverableRecipient(), "Hello from the InboxKit conformance kit",
                1, TextEncoding.GSM_7);
    }

    /**
     * A fresh idempotency key for this run.
     *
     * @param name what the key is for
     * @return a key no earlier run used
     */
    protected String key(String name) {
        return run + name;
    }

    /**
     * Submits, retrying transient rejections; fails the test if the carrier throws or returns null.
     *
     * @param submission what to submit
     * @return the first answer that is not a transient rejection, or the last transient one
     */
    protected SubmitResult submitSettled(OutboundSubmission submission) {
        SubmitResult result = null;
        for (int attempt = 0; attempt < maxAttemptsPerSubmission(); attempt++) {
            result = submitOnce(submission);
            if (!(result instanceof SubmitResult.RejectedTransiently)) {
                return result;
            }
        }
        return result;
    }

    private SubmitResult submitOnce(OutboundSubmission submission) {
        SubmitResult result;
        try {
            result = carrier.submit(submission);
        } catch (RuntimeException leaked) {
            throw new AssertionError("submit threw " + leaked + " for " + submission
                    + "; a carrier answers with a SubmitResult (accepted, rejected permanently or transiently)"
                    + " and never throws for what the carrier decided", leaked);
        }
        assertThat(result).as("submit must never return null").isNotNull();
        return result;
    }

    private SubmitResult.Accepted accepted(OutboundSubmission submission) {
        SubmitResult result = submitSettled(submission);
        assertThat(result).as("%s to the deliverable recipient must be accepted", submission)
                .isInstanceOf(SubmitResult.Accepted.class);
        return (SubmitResult.Accepted) result;
    }

    private void assertRefusedForContent(SubmitResult result, String why) {
        assertThat(result).as(why + ": expected RejectedPermanently with a content reason")
                .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class, refused -> assertThat(
                        refused.reason().concernsContent())
                        .as(why + ": reason " + refused.reason() + " must concern the content").isTrue());
    }

    private WebhookPayload parse(WebhookRequest request) {
        try {
            WebhookPayload payload = carrier.parseWebhook(request);
            assertThat(payload).as("parseWebhook must never return null").isNotNull();
            return payload;
        } catch (WebhookRejectedException refused) {
            throw new AssertionError("a genuine sample webhook was refused: " + refused.getMessage() + " (" + request + ")",
                    refused);
        }
    }

    private void assertRefused(WebhookRequest request, String what) {
        // catchThrowable, not assertThatThrownBy: the latter fails before a description given with
        // as(...) applies, and the failure would not say which request was parsed.
        Throwable thrown = catchThrowable(() -> carrier.parseWebhook(request));
        assertThat(thrown)
                .as(what + " (" + request + ") must be refused with WebhookRejectedException, never parsed (even in part)")
                .isInstanceOf(WebhookRejectedException.class);
    }

    private <T> List<T> runConcurrently(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrentThreads());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    // A safety net against a deadlocked carrier, not a measurement.
                    results.add(future.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException failed) {
                    throw new AssertionError("a concurrent call failed: " + failed.getCause(), failed.getCause());
                } catch (TimeoutException stuck) {
                    throw new AssertionError("a concurrent call did not return within 5 minutes", stuck);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Anchors the class for the test runner: it runs before the rules and keeps the class in the
     * run when a runner drops the {@link Nested} rule classes, so that the check made once the class
     * has finished (that some rule ran) cannot be skipped with them.
     */
    @Test
    @DisplayName("the conformance kit starts; it fails once the class has run if none of its rules ran")
    void conformanceKitStarts() {
        assertThat(CarrierConformanceTest.class.getDeclaredClasses())
                .as("the rule groups of the kit")
                .anyMatch(type -> type.isAnnotationPresent(Nested.class));
    }

    /** Rules of section 1: what {@code submit} answers. */
    @Nested
    @DisplayName("1 Submit outcomes")
    class SubmitOutcomes {

        @Test
        @DisplayName("rule 1.1 (F29) a plain SMS to a deliverable recipient is Accepted with a carrier message id")
        void rule_1_1_plainSmsIsAccepted() {
            SubmitResult.Accepted accepted = accepted(sms(key("1.1")));
            assertThat(accepted.carrierMessageId()).isNotBlank();
        }

        @Test
        @DisplayName("rule 1.2 (F29, F31) carrier-side refusals (invalid number, opted-out recipient) are RejectedPermanently results with the standard reason, never exceptions")
        void rule_1_2_refusalsAreResultsNotExceptions() {
            assertThat(refusedRecipients()).as("refusedRecipients() must name at least one refused number").isNotEmpty();
            int index = 0;
            for (Map.Entry<String, PermanentReason> refused : refusedRecipients().entrySet()) {
                OutboundSubmission submission = OutboundSubmission.sms(key("1.2-" + index++), sender(), refused.getKey(),
                        "Hello", 1, TextEncoding.GSM_7);
                assertThat(submitSettled(submission))
                        .as("answer for a recipient refused with " + refused.getValue())
                        .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                                result -> assertThat(result.reason())
                                        .as("reason for %s refused with %s", submission, refused.getValue())
                                        .isEqualTo(refused.getValue()));
            }
        }

        @Test
        @DisplayName("rule 1.3 (F29) a permanent refusal is repeatable: resubmitting the same key is refused again, not accepted")
        void rule_1_3_permanentRefusalIsStable() {
            assertThat(refusedRecipients()).as("refusedRecipients() must name at least one refused number").isNotEmpty();
            Map.Entry<String, PermanentReason> refused = refusedRecipients().entrySet().iterator().next();
            OutboundSubmission submission = OutboundSubmission.sms(key("1.3"), sender(), refused.getKey(), "Hello", 1,
                    TextEncoding.GSM_7);
            assertThat(submitSettled(submission)).as("first answer to %s (refused with %s)", submission, refused.getValue())
                    .isInstanceOf(SubmitResult.RejectedPermanently.class);
            assertThat(submitSettled(submission)).as("answer to a resubmission of %s, refused the first time", submission)
                    .isInstanceOf(SubmitResult.RejectedPermanently.class);
        }
    }

    /** Rules of section 2: concurrent use of one carrier instance. */
    @Nested
    @DisplayName("2 Thread safety")
    class ThreadSafety {

        @Test
        @DisplayName("rule 2.1 (F29) concurrent submits of distinct messages are all accepted, each with its own carrier message id")
        void rule_2_1_concurrentSubmitsAreSafe() throws InterruptedException {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < concurrentThreads(); t++) {
                int thread = t;
                tasks.add(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < submissionsPerThread(); i++) {
                        ids.add(accepted(sms(key("2.1-" + thread + "-" + i))).carrierMessageId());
                    }
                    return ids;
                });
            }
            List<String> all = new ArrayList<>();
            runConcurrently(tasks).forEach(all::addAll);
            assertThat(all).as("answers to %d threads submitting %d messages each", concurrentThreads(),
                    submissionsPerThread()).hasSize(concurrentThreads() * submissionsPerThread());
            assertThat(new HashSet<>(all)).as("carrier message ids must be unique").hasSize(all.size());
        }

        @Test
        @DisplayName("rule 2.2 (F29) the same idempotency key submitted from many threads at once yields one carrier message id")
        void rule_2_2_concurrentRepeatsYieldOneMessage() throws InterruptedException {
            OutboundSubmission submission = sms(key("2.2"));
            List<Callable<SubmitResult>> tasks = new ArrayList<>();
            for (int t = 0; t < concurrentThreads(); t++) {
                tasks.add(() -> submitSettled(submission));
            }
            Set<String> ids = new HashSet<>();
            for (SubmitResult result : runConcurrently(tasks)) {
                assertThat(result).as("answer to %s submitted from one of %d threads at once", submission,
                        concurrentThreads()).isInstanceOf(SubmitResult.Accepted.class);
                ids.add(((SubmitResult.Accepted) result).carrierMessageId());
            }
            assertThat(ids).as("one message, one carrier message id").hasSize(1);
        }

        @Test
        @DisplayName("rule 2.3 (F29) webhooks parsed concurrently each give their expected payload")
        void rule_2_3_concurrentParsingIsSafe() throws InterruptedException {
            List<SampleWebhook> samples = sampleWebhooks(carrier);
            assertThat(samples).as("sampleWebhooks() must give at least one sample").isNotEmpty();
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < concurrentThreads(); t++) {
                tasks.add(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (SampleWebhook sample : samples) {
                            assertThat(parse(sample.request())).as(sample.description()).isEqualTo(sample.expected());
                        }
                    }
                    return true;
                });
            }
            assertThat(runConcurrently(tasks)).as("every thread parsed every sample").containsOnly(true);
        }
    }

    /** Rules of section 3: the idempotency key. */
    @Nested
    @DisplayName("3 Idempotency")
    class Idempotency {

        @Test
        @DisplayName("rule 3.1 (F29, F31) resubmitting an idempotency key (after a crash or time-out) does not send a second message")
        void rule_3_1_sameKeySameMessage() {
            OutboundSubmission submission = sms(key("3.1"));
            SubmitResult.Accepted first = accepted(submission);
            assertRepeatIsTheSameMessage(first, submitSettled(submission));
        }

        @Test
        @DisplayName("rule 3.2 (F29) distinct idempotency keys are distinct messages with distinct carrier message ids")
        void rule_3_2_distinctKeysDistinctMessages() {
            String first = accepted(sms(key("3.2-a"))).carrierMessageId();
            String second = accepted(sms(key("3.2-b"))).carrierMessageId();
            assertThat(second).as("carrier message id of the second of two distinct keys (the first got %s)", first)
                    .isNotEqualTo(first);
        }
    }

    /** Rules of section 4: declared capabilities. */
    @Nested
    @DisplayName("4 Capabilities")
    class Capabilities {

        @Test
        @DisplayName("rule 4.1 (F29) the carrier has a stable id and constant, coherent capabilities")
        void rule_4_1_capabilitiesAreSane() {
            assertThat(carrier.id()).as("id()").isNotBlank();
            assertThat(carrier.id()).as("id() asked a second time").isEqualTo(carrier.id());
            CarrierCapabilities capabilities = carrier.capabilities();
            assertThat(capabilities).as("capabilities()").isNotNull();
            assertThat(carrier.capabilities()).as("capabilities() asked a second time").isEqualTo(capabilities);
            // a concatenated SMS has at most 255 parts
            assertThat(capabilities.maxSegments()).as("capabilities().maxSegments()").isBetween(1, 255);
            assertThat(capabilities.messagesPerSecond()).as("capabilities().messagesPerSecond()").isPositive();
            assertThat(capabilities.submitTimeout()).as("capabilities().submitTimeout()").isPositive();
            if (capabilities.mms()) {
                assertThat(capabilities.maxMmsBytes()).as("capabilities().maxMmsBytes() of a carrier declaring MMS")
                        .isPositive();
            }
        }

        @Test
        @DisplayName("rule 4.2 (F29) an MMS follows the declared capability: refused cleanly, with a content reason, when the carrier declares no MMS; accepted when it does")
        void rule_4_2_mmsRefusedWithoutCapability() {
            OutboundSubmission mms = sms(key("4.2"))
                    .withMedia(List.of(OutboundMedia.inline("image/png", tinyPng())));
            if (carrier.capabilities().mms()) {
                accepted(mms);
            } else {
                assertRefusedForContent(submitSettled(mms), "MMS to a carrier without MMS");
            }
        }

        @Test
        @DisplayName("rule 4.3 (F29) media larger than the declared maximum (any media, when the carrier declares no MMS) are refused cleanly with a content reason")
        void rule_4_3_oversizeMediaRefused() {
            byte[] big = Arrays.copyOf(tinyPng(), Math.max(carrier.capabilities().maxMmsBytes() + 1, tinyPng().length));
            OutboundSubmission mms = sms(key("4.3")).withMedia(List.of(OutboundMedia.inline("image/png", big)));
            assertRefusedForContent(submitSettled(mms), "media over maxMmsBytes");
        }

        @Test
        @DisplayName("rule 4.4 (F29) an alphanumeric sender follows the declared capability: refused with SENDER_NOT_ALLOWED when the carrier declares none, accepted when it does")
        void rule_4_4_alphanumericRefusedWithoutCapability() {
            OutboundSubmission submission = OutboundSubmission.sms(key("4.4"), Sender.alphanumeric("InboxKit"),
                    deliverableRecipient(), "Hello", 1, TextEncoding.GSM_7);
            if (carrier.capabilities().alphanumericSenders()) {
                accepted(submission);
            } else {
                assertThat(submitSettled(submission)).as("answer to %s from an alphanumeric sender", submission)
                        .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class, refused -> assertThat(refused.reason())
                                .as("reason for refusing %s from an alphanumeric sender", submission)
                                .isEqualTo(PermanentReason.SENDER_NOT_ALLOWED));
            }
        }

        @Test
        @DisplayName("rule 4.5 (F29) a text with more segments than the declared maximum is refused cleanly with a content reason")
        void rule_4_5_tooManySegmentsRefused() {
            int segments = carrier.capabilities().maxSegments() + 1;
            String text = "x".repeat(153 * segments);
            OutboundSubmission submission = OutboundSubmission.sms(key("4.5"), sender(), deliverableRecipient(), text,
                    segments, TextEncoding.GSM_7);
            assertRefusedForContent(submitSettled(submission), "a text over maxSegments");
        }

        @Test
        @DisplayName("rule 4.6 (F29) the sender kinds the carrier supports are accepted (an alphanumeric sender it does not support is refused as rule 4.4 says)")
        void rule_4_6_supportedSenderAccepted() {
            if (sender().kind() != SenderKind.ALPHANUMERIC || carrier.capabilities().alphanumericSenders()) {
                accepted(sms(key("4.6")));
            } else {
                assertThat(submitSettled(sms(key("4.6")))).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PermanentReason.SENDER_NOT_ALLOWED));
            }
        }
    }

    /** Rules of section 5: webhook authentication and parsing. */
    @Nested
    @DisplayName("5 Webhooks")
    class Webhooks {

        @Test
        @DisplayName("rule 5.1 (F29) each genuine sample webhook parses to exactly its expected messages and reports")
        void rule_5_1_samplesRoundTrip() {
            List<SampleWebhook> samples = sampleWebhooks(carrier);
            assertThat(samples).as("sampleWebhooks() must give at least one sample").isNotEmpty();
            for (SampleWebhook sample : samples) {
                assertThat(parse(sample.request())).as(sample.description()).isEqualTo(sample.expected());
            }
        }

        @Test
        @DisplayName("rule 5.2 (F32) parsing the same webhook twice gives the same payload, so a redelivery is recognised by carrier message id")
        void rule_5_2_parsingIsRepeatable() {
            for (SampleWebhook sample : sampleWebhooks(carrier)) {
                assertThat(parse(sample.request())).as(sample.description()).isEqualTo(parse(sample.request()));
            }
        }

        @Test
        @DisplayName("rule 5.3 (F29) forged webhooks (no, wrong or foreign signature, stale) are refused with WebhookRejectedException")
        void rule_5_3_forgedRefused() {
            List<WebhookRequest> forged = forgedWebhooks(carrier);
            assertThat(forged).as("forgedWebhooks() must give at least one forged request").isNotEmpty();
            for (int i = 0; i < forged.size(); i++) {
                assertRefused(forged.get(i), "forged request #" + i);
            }
        }

        @Test
        @DisplayName("rule 5.4 (F29) a genuine webhook whose body was altered is refused")
        void rule_5_4_tamperedBodyRefused() {
            if (!authenticatesBody()) {
                abort("CERTIFICATION GAP (rule 5.4): the carrier declares that its webhook authentication does not"
                        + " cover the body (authenticatesBody() is false), so a tampered body cannot be detected;"
                        + " this rule is reported as aborted, not passed, and rule 5.8 checks the header instead");
            }
            for (SampleWebhook sample : sampleWebhooks(carrier)) {
                byte[] body = sample.request().body();
                List<byte[]> tampered = tamperedBodies(body);
                assertThat(tampered).as("tamperedBodies() must alter each sample at least once (" + sample.description()
                        + "); to skip this rule declare authenticatesBody() false, a gap shown in the report")
                        .isNotEmpty();
                for (int i = 0; i < tampered.size(); i++) {
                    assertThat(tampered.get(i)).as("alteration #" + i + " of " + sample.description())
                            .isNotEqualTo(body);
                    assertRefused(sample.request().withBody(tampered.get(i)),
                            sample.description() + " with alteration #" + i);
                }
            }
        }

        @Test
        @DisplayName("rule 5.5 (F29) a correctly signed but malformed body is refused wholly with WebhookRejectedException, never half-parsed")
        void rule_5_5_malformedRefusedWholly() {
            List<byte[]> sampleBodies = new ArrayList<>();
            sampleWebhooks(carrier).forEach(sample -> sampleBodies.add(sample.request().body()));
            List<byte[]> malformed = malformedBodies(sampleBodies);
            for (int i = 0; i < malformed.size(); i++) {
                WebhookRequest request = signedRequest(carrier, malformed.get(i));
                assertRefused(request, "correctly signed malformed body #" + i);
            }
        }

        @Test
        @DisplayName("rule 5.6 (F29) signedRequest() signs what the carrier accepts: a sample's body re-signed still parses")
        void rule_5_6_signingHookIsGenuine() {
            // Without this, rule 5.5 would pass for a signedRequest() that produces forgeries.
            SampleWebhook sample = sampleWebhooks(carrier).get(0);
            assertThat(parse(signedRequest(carrier, sample.request().body())))
                    .as("%s re-signed by signedRequest()", sample.description()).isEqualTo(sample.expected());
        }

        @Test
        @DisplayName("rule 5.7 (F29) the samples show both inbound messages and delivery reports")
        void rule_5_7_samplesCoverBothKinds() {
            List<SampleWebhook> samples = sampleWebhooks(carrier);
            assertThat(samples).as("sampleWebhooks() must show at least one inbound message")
                    .anyMatch(sample -> !sample.expected().inboundMessages().isEmpty());
            assertThat(samples).as("sampleWebhooks() must show at least one delivery report")
                    .anyMatch(sample -> !sample.expected().deliveryReports().isEmpty());
        }

        @Test
        @DisplayName("rule 5.8 (F29) a webhook is authenticated by its header: without it, or with its value altered, a genuine sample is refused")
        void rule_5_8_requestAuthenticatedByHeader() {
            Set<String> headers = authenticationHeaders();
            assumeFalse(authenticatesBody() && headers.isEmpty(),
                    "rules 5.3 and 5.4 cover a signature over the body; name authenticationHeaders() to run this rule too");
            assertThat(headers).as("a carrier whose authentication does not cover the body (authenticatesBody() false)"
                    + " must name, in authenticationHeaders(), the headers carrying its shared secret or signature")
                    .isNotEmpty();
            for (SampleWebhook sample : sampleWebhooks(carrier)) {
                for (String header : headers) {
                    Optional<String> value = sample.request().header(header);
                    assertThat(value).as(sample.description() + " carries the authentication header " + header)
                            .isPresent();
                    assertRefused(sample.request().withoutHeader(header), sample.description() + " without " + header);
                    assertRefused(sample.request().withHeader(header, altered(value.get())),
                            sample.description() + " with " + header + " altered");
                }
            }
        }

        @Test
        @DisplayName("rule 5.9 (F29) a genuine webhook whose signature header is repeated with a forged value, before or after the genuine one, is refused")
        void rule_5_9_repeatedSignatureHeaderRefused() {
            for (SampleWebhook sample : sampleWebhooks(carrier)) {
                Set<String> headers = signatureHeaders(sample.request());
                assumeFalse(headers.isEmpty(), "no header of " + sample.description() + " is reported as a missing"
                        + " signature when removed, and authenticationHeaders() names none: nothing to repeat");
                for (String header : headers) {
                    String genuine = sample.request().header(header).orElseThrow();
                    WebhookRequest without = sample.request().withoutHeader(header);
                    assertRefused(without.withAddedHeader(header, genuine).withAddedHeader(header, altered(genuine)),
                            sample.description() + " with a forged " + header + " after the genuine one");
                    assertRefused(without.withAddedHeader(header, altered(genuine)).withAddedHeader(header, genuine),
                            sample.description() + " with a forged " + header + " before the genuine one");
                }
            }
        }

        /**
         * The headers that authenticate a request: those {@link #authenticationHeaders()} names, and
         * those without which the carrier reports a missing signature.
         */
        private Set<String> signatureHeaders(WebhookRequest request) {
            Set<String> headers = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            headers.addAll(authenticationHeaders());
            for (String header : request.headers().keySet()) {
                try {
                    carrier.parseWebhook(request.withoutHeader(header));
                } catch (WebhookRejectedException refused) {
                    if (refused.reason() == WebhookRejectedException.Reason.SIGNATURE_MISSING) {
                        headers.add(header);
                    }
                }
            }
            headers.removeIf(header -> request.header(header).isEmpty());
            return headers;
        }
    }

    /** Rules of section 6: delivery reports. */
    @Nested
    @DisplayName("6 Delivery reports")
    class DeliveryReports {

        @Test
        @DisplayName("rule 6.1 (F31) the carrier's delivery statuses map to each standard status it reports (SENT, DELIVERED, UNDELIVERED, FAILED)")
        void rule_6_1_statusesMapToStandard() {
            Set<DeliveryStatus> seen = EnumSet.noneOf(DeliveryStatus.class);
            for (SampleWebhook sample : sampleWebhooks(carrier)) {
                for (DeliveryReport report : parse(sample.request()).deliveryReports()) {
                    seen.add(report.status());
                }
            }
            assertThat(seen).as("statuses seen in parsed samples").containsAll(reportedStatuses());
        }

        @Test
        @DisplayName("rule 6.2 (F31) delivery reports for an accepted message carry its carrier message id and a standard status")
        void rule_6_2_reportsReferToAcceptedMessage() {
            SubmitResult.Accepted accepted = accepted(sms(key("6.2")));
            Optional<WebhookRequest> webhook = deliveryReportWebhookFor(carrier, accepted);
            assumeTrue(webhook.isPresent(), "the carrier cannot produce delivery reports within a test");
            List<DeliveryReport> reports = parse(webhook.get()).deliveryReports();
            assertThat(reports).as("delivery reports in deliveryReportWebhookFor(%s)", accepted).isNotEmpty();
            for (DeliveryReport report : reports) {
                assertThat(report.carrierMessageId())
                        .as("carrier message id of %s, a report for the accepted message", report)
                        .isEqualTo(accepted.carrierMessageId());
            }
            if (reports.stream().noneMatch(report -> report.status().isFinal())) {
                fail("no final status (DELIVERED, UNDELIVERED or FAILED) among the reports for " + accepted + ": " + reports);
            }
        }
    }

    /**
     * Counts the rules that start, and fails the conformance class when it finishes with none: a
     * test runner that ran the class but dropped its {@link Nested} rule classes must not report a
     * certification that checked nothing. Registered on the outer class, JUnit hands it down to the
     * nested classes; the count lives in the outer class's context, so each vendor class counts its
     * own rules even when several run in one JVM.
     */
    static final class RulesMustRun implements BeforeEachCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RulesMustRun.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            if (context.getRequiredTestMethod().getDeclaringClass().getEnclosingClass() == CarrierConformanceTest.class) {
                rulesStarted(context).incrementAndGet();
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (context.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
                return; // a nested rule class: the outer class decides once all of them are done
            }
            if (rulesStarted(context).get() == 0) {
                throw new AssertionError("The carrier conformance kit ran none of its rules in "
                        + context.getRequiredTestClass().getName() + ", so it certifies nothing. The rules are"
                        + " @Nested classes, and the test runner ran the class without them. With Maven, use"
                        + " maven-surefire-plugin 3.0.0-M6 or newer (InboxKit's own build uses 3.5.4); older"
                        + " versions drop @Nested classes when the class is selected with -Dtest=... ."
                        + " A filter (a tag, a method name) that excludes every rule has the same effect.");
            }
        }

        /** The counter of the outer (vendor) class, whichever nested class asks. */
        private static AtomicInteger rulesStarted(ExtensionContext context) {
            ExtensionContext outer = context;
            while (outer.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
                outer = outer.getParent().get();
            }
            return outer.getStore(NAMESPACE).getOrComputeIfAbsent("rulesStarted", key -> new AtomicInteger(),
                    AtomicInteger.class);
        }
    }

    /**
     * Rules of section 7: the optional submission lookup. The engine trusts a lookup's answer
     * instead of submitting again, so a lookup that forgets sends a text twice and one that invents
     * loses a message. Each rule checks the side the carrier declares: with a lookup, what the lookup
     * answers; without one, what the engine then relies on when it submits the same key again (the
     * carrier's own answer to a repeat).
     */
    @Nested
    @DisplayName("7 Submission lookup")
    class SubmissionLookups {

        /** The carrier's lookup, or null when it declares none. */
        private SubmissionLookup lookup;

        @BeforeEach
        void declaredLookup() {
            Optional<SubmissionLookup> declared = carrier.submissionLookup();
            assertThat(declared).as("submissionLookup() must never return null").isNotNull();
            lookup = declared.orElse(null);
        }

        /** Looks a key up, asking again after a transient answer; fails if the lookup throws or returns null. */
        private Optional<SubmitResult> find(String idempotencyKey) {
            Optional<SubmitResult> found = Optional.empty();
            for (int attempt = 0; attempt < maxAttemptsPerSubmission(); attempt++) {
                try {
                    found = lookup.findSubmission(idempotencyKey);
                } catch (RuntimeException leaked) {
                    throw new AssertionError("findSubmission threw " + leaked + "; a lookup that cannot tell now"
                            + " answers RejectedTransiently, and never throws for what the carrier decided", leaked);
                }
                assertThat(found).as("findSubmission must never return null").isNotNull();
                if (!(found.orElse(null) instanceof SubmitResult.RejectedTransiently)) {
                    return found;
                }
            }
            return found;
        }

        @Test
        @DisplayName("rule 7.1 (F29, F31) an accepted submission is found by its idempotency key with the carrier message id it was accepted under; without a lookup, submitting the key again answers that same id")
        void rule_7_1_acceptedSubmissionIsFound() {
            String key = key("7.1");
            SubmitResult.Accepted accepted = accepted(sms(key));
            if (lookup == null) {
                assertThat(accepted(sms(key)).carrierMessageId())
                        .as("the answer to a repeat of accepted key %s, which the engine sends when it cannot look the"
                                + " key up; another id is a second text", key)
                        .isEqualTo(accepted.carrierMessageId());
                return;
            }
            assertThat(find(key)).as("the lookup of a key the carrier accepted; without it a retry sends a second text")
                    .hasValueSatisfying(found -> assertThat(found).isInstanceOfSatisfying(SubmitResult.Accepted.class,
                            earlier -> assertThat(earlier.carrierMessageId()).isEqualTo(accepted.carrierMessageId())));
        }

        @Test
        @DisplayName("rule 7.2 (F29, F31) a key never submitted is not found, and looking it up sends nothing: its first submission is accepted")
        void rule_7_2_unknownKeyIsNotFound() {
            String key = key("7.2");
            if (lookup != null) {
                assertThat(find(key)).as("the lookup of a key never submitted; an invented answer would lose the message")
                        .isEmpty();
            }
            accepted(sms(key));
        }

        @Test
        @DisplayName("rule 7.3 (F29, F31) a key refused for good is never found as accepted; without a lookup, submitting it again is never accepted")
        void rule_7_3_refusalIsNotFoundAccepted() {
            assertThat(refusedRecipients()).isNotEmpty();
            String key = key("7.3");
            OutboundSubmission submission = OutboundSubmission.sms(key, sender(),
                    refusedRecipients().keySet().iterator().next(), "Hello", 1, TextEncoding.GSM_7);
            assertThat(submitSettled(submission)).isInstanceOf(SubmitResult.RejectedPermanently.class);
            if (lookup == null) {
                assertThat(submitSettled(submission)).as("the answer to a repeat of refused key %s", key)
                        .isInstanceOf(SubmitResult.RejectedPermanently.class);
                return;
            }
            assertThat(find(key)).as("the lookup of a refused key: not found, or found refused")
                    .satisfiesAnyOf(found -> assertThat(found).isEmpty(),
                            found -> assertThat(found).containsInstanceOf(SubmitResult.RejectedPermanently.class));
        }
    }

    /** The value with its last character changed to another of the same kind (digit, letter, other). */
    private static String altered(String value) {
        if (value.isEmpty()) {
            return "x";
        }
        char last = value.charAt(value.length() - 1);
        char other;
        if (Character.isDigit(last)) {
            other = last == '0' ? '1' : '0';
        } else if (Character.isLetter(last)) {
            other = Character.toLowerCase(last) == 'a' ? 'b' : 'a';
        } else {
            other = last == '=' ? '-' : '=';
        }
        return value.substring(0, value.length() - 1) + other;
    }

    /**
     * A 1x1 PNG, so media checks use a real image.
     *
     * @return the bytes of a valid PNG
     */
    protected static byte[] tinyPng() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
