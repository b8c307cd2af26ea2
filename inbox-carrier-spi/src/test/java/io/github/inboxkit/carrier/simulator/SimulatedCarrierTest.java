package io.github.inboxkit.carrier.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.CarrierConfigurationException;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.TransientReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {

    private static final Sender SENDER = Sender.longCode("+14155550100");

    static OutboundSubmission sms(String key, String recipient) {
        return OutboundSubmission.sms(key, SENDER, recipient, "Hello", 1, TextEncoding.GSM_7);
    }

    private static List<Object> run(SimulatedCarrier carrier, int count) {
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outcomes.add(carrier.submit(sms("m-" + i, "+1415555" + String.format("%04d", i))));
        }
        outcomes.addAll(carrier.drainDeliveryReports());
        return outcomes;
    }

    @Test
    @DisplayName("F29 one seed gives the same results, ids and reports; another seed gives others")
    void seededDeterminism() {
        SimulatedCarrier.Builder faulty = SimulatedCarrier.builder().seed(11)
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-25T15:00:00Z"), java.time.ZoneOffset.UTC))
                .transientFailureRate(0.3)
                .duplicateReportRate(0.3).outOfOrderReportRate(0.3);
        List<Object> first = run(faulty.build(), 200);
        List<Object> second = run(faulty.build(), 200);
        List<Object> otherSeed = run(faulty.seed(12).build(), 200);
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    @DisplayName("F29 F31 the submission lookup finds what was accepted or refused for good, sends nothing, and can be turned off")
    void submissionLookup() {
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(4)
                .permanentFailure("+14155550001", PermanentReason.INVALID_NUMBER).build();
        SubmitResult accepted = carrier.submit(sms("found", "+14155550123"));
        SubmitResult refused = carrier.submit(sms("refused", "+14155550001"));

        assertThat(carrier.submissionLookup()).isPresent();
        assertThat(carrier.submissionLookup().orElseThrow().findSubmission("found")).contains(accepted);
        assertThat(carrier.findSubmission("refused")).contains(refused);
        assertThat(carrier.findSubmission("never")).isEmpty();
        assertThat(carrier.lookups("found")).isEqualTo(1);
        assertThat(carrier.attempts("never")).as("a lookup is not an attempt").isZero();
        assertThat(carrier.sentMessages()).hasSize(1);
        assertThat(SimulatedCarrier.builder().submissionLookup(false).build().submissionLookup()).isEmpty();
    }

    @Test
    @DisplayName("F31 transient failures are injected at the configured rate (fixed seed, 10 000 attempts)")
    void transientRate() {
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(2026).transientFailureRate(0.2).build();
        long transients = IntStream.range(0, 10_000)
                .mapToObj(i -> carrier.submit(sms("k-" + i, "+14155550123")))
                .filter(SubmitResult.RejectedTransiently.class::isInstance)
                .count();
        // Binomial(10 000, 0.2): mean 2 000, standard deviation 40; five deviations either side.
        assertThat(transients).isBetween(1_800L, 2_200L);
    }

    @Test
    @DisplayName("F31 a transient failure is not remembered: retrying the same key eventually succeeds")
    void transientIsRetryable() {
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(5).transientFailureRate(0.5).build();
        SubmitResult result = null;
        int attempts = 0;
        while (!(result instanceof SubmitResult.Accepted) && attempts < 50) {
            result = carrier.submit(sms("retry-me", "+14155550123"));
            attempts++;
        }
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(carrier.attempts("retry-me")).isEqualTo(attempts);
        assertThat(carrier.sentMessages()).hasSize(1);
    }

    @Test
    @DisplayName("F29 a repeated idempotency key returns the same carrier id and is recorded once, with its attempts counted")
    void idempotent() {
        SimulatedCarrier carrier = SimulatedCarrier.create();
        SubmitResult first = carrier.submit(sms("m-1", "+14155550123"));
        SubmitResult again = carrier.submit(sms("m-1", "+14155550123"));
        assertThat(again).isEqualTo(first).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(carrier.sentMessages()).hasSize(1);
        assertThat(carrier.attempts("m-1")).isEqualTo(2);
        assertThat(carrier.drainDeliveryReports()).hasSize(2); // SENT and DELIVERED, not twice
    }

    @Test
    @DisplayName("F31 chosen numbers fail permanently with the chosen reason, and nothing is recorded as sent")
    void permanentFailures() {
        SimulatedCarrier carrier = SimulatedCarrier.builder()
                .permanentFailure("+14155550001", PermanentReason.OPTED_OUT)
                .permanentFailure("+14155550002", PermanentReason.INVALID_NUMBER)
                .build();
        assertThat(carrier.submit(sms("a", "+14155550001")))
                .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                        r -> assertThat(r.reason()).isEqualTo(PermanentReason.OPTED_OUT));
        assertThat(carrier.submit(sms("b", "+14155550002")))
                .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                        r -> assertThat(r.reason()).isEqualTo(PermanentReason.INVALID_NUMBER));
        assertThat(carrier.sentMessages()).isEmpty();
        assertThat(carrier.drainDeliveryReports()).isEmpty();
    }

    @Test
    @DisplayName("F26 media are refused cleanly when MMS is off, and above the size limit when on")
    void capabilitiesEnforced() {
        OutboundSubmission mms = sms("m", "+14155550123")
                .withMedia(List.of(OutboundMedia.inline("image/png", new byte[2_000])));
        SimulatedCarrier smsOnly = SimulatedCarrier.builder()
                .capabilities(CarrierCapabilities.builder().noMms().build()).build();
        assertThat(smsOnly.submit(mms)).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                r -> assertThat(r.reason()).isEqualTo(PermanentReason.MEDIA_NOT_SUPPORTED));
        SimulatedCarrier small = SimulatedCarrier.builder()
                .capabilities(CarrierCapabilities.builder().mms(1_000).build()).build();
        assertThat(small.submit(mms)).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                r -> assertThat(r.reason()).isEqualTo(PermanentReason.MEDIA_TOO_LARGE));
        assertThat(small.submit(OutboundSubmission.sms("alpha", Sender.alphanumeric("ACME"), "+14155550123", "hi", 1,
                TextEncoding.GSM_7))).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                        r -> assertThat(r.reason()).isEqualTo(PermanentReason.SENDER_NOT_ALLOWED));
        assertThat(SimulatedCarrier.create().submit(mms)).isInstanceOf(SubmitResult.Accepted.class);
    }

    @Test
    @DisplayName("F31 latency beyond the submit timeout answers a transient TIMEOUT instead of blocking")
    void latencyBeyondTimeout() {
        SimulatedCarrier carrier = SimulatedCarrier.builder()
                .capabilities(CarrierCapabilities.builder().submitTimeout(Duration.ofMillis(20)).build())
                .latency(Duration.ofSeconds(30)).build();
        assertThat(carrier.submit(sms("slow", "+14155550123")))
                .isInstanceOfSatisfying(SubmitResult.RejectedTransiently.class,
                        r -> assertThat(r.reason()).isEqualTo(TransientReason.TIMEOUT));
        SimulatedCarrier slowButInTime = SimulatedCarrier.builder().latency(Duration.ofMillis(5)).build();
        assertThat(slowButInTime.submit(sms("slow", "+14155550123"))).isInstanceOf(SubmitResult.Accepted.class);
    }

    @Test
    @DisplayName("F31 each accepted message reports SENT then its final status; undeliverable numbers end UNDELIVERED")
    void reports() {
        SimulatedCarrier carrier = SimulatedCarrier.builder()
                .undeliverable("+14155550009", DeliveryStatus.UNDELIVERED).build();
        String ok = ((SubmitResult.Accepted) carrier.submit(sms("a", "+14155550123"))).carrierMessageId();
        String lost = ((SubmitResult.Accepted) carrier.submit(sms("b", "+14155550009"))).carrierMessageId();
        List<DeliveryReport> reports = carrier.drainDeliveryReports();
        assertThat(reports).extracting(DeliveryReport::carrierMessageId, DeliveryReport::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ok, DeliveryStatus.SENT),
                org.assertj.core.groups.Tuple.tuple(ok, DeliveryStatus.DELIVERED),
                org.assertj.core.groups.Tuple.tuple(lost, DeliveryStatus.SENT),
                org.assertj.core.groups.Tuple.tuple(lost, DeliveryStatus.UNDELIVERED));
        assertThat(reports.get(3).errorCode()).contains("SIM-UNDELIVERED");
        assertThat(carrier.drainDeliveryReports()).isEmpty();
    }

    @Test
    @DisplayName("F32 duplicate and out-of-order delivery reports are injected at their rates")
    void duplicateAndOutOfOrderReports() {
        SimulatedCarrier always = SimulatedCarrier.builder().duplicateReportRate(1).outOfOrderReportRate(1).build();
        always.submit(sms("a", "+14155550123"));
        List<DeliveryReport> reports = always.drainDeliveryReports();
        assertThat(reports).hasSize(3);
        assertThat(reports.get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(reports.get(1).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(Set.copyOf(reports)).hasSize(2);

        SimulatedCarrier sometimes = SimulatedCarrier.builder().seed(3).duplicateReportRate(0.1)
                .outOfOrderReportRate(0.25).build();
        int messages = 4_000;
        for (int i = 0; i < messages; i++) {
            sometimes.submit(sms("m-" + i, "+14155550123"));
        }
        Map<String, List<DeliveryReport>> byMessage = sometimes.drainDeliveryReports().stream()
                .collect(Collectors.groupingBy(DeliveryReport::carrierMessageId));
        long duplicated = byMessage.values().stream().filter(list -> list.size() == 3).count();
        long reordered = byMessage.values().stream().filter(list -> list.get(0).status().isFinal()).count();
        assertThat(byMessage).hasSize(messages);
        // Binomial bounds, about five standard deviations wide.
        assertThat(duplicated).isBetween(300L, 500L);
        assertThat(reordered).isBetween(850L, 1_150L);
    }

    @Test
    @DisplayName("F29 concurrent submits from many threads are all recorded exactly once with unique ids")
    void concurrentSubmits() throws Exception {
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(9).build();
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // Every key is submitted twice, by two different threads.
                        String key = "m-" + ((thread / 2) * perThread + i);
                        SubmitResult result = carrier.submit(sms(key, "+14155550123"));
                        ids.add(((SubmitResult.Accepted) result).carrierMessageId());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int distinctKeys = threads / 2 * perThread;
        assertThat(ids).hasSize(distinctKeys);
        assertThat(carrier.sentMessages()).hasSize(distinctKeys);
        assertThat(new HashSet<>(carrier.sentMessages())).hasSize(distinctKeys);
        assertThat(carrier.drainDeliveryReports()).hasSize(2 * distinctKeys);
        assertThat(carrier.attempts("m-0")).isEqualTo(2);
    }

    @Test
    @DisplayName("F29 the plain-map configuration sets faults and capabilities, and refuses unknown keys")
    void configuration() {
        SimulatedCarrier carrier = SimulatedCarrier.fromConfiguration(Map.of(
                "mms", "false", "alphanumericSenders", "false", "maxSegments", "3", "messagesPerSecond", "2.5",
                "permanentFailures", "+14155550001=OPTED_OUT, +14155550002=INVALID_NUMBER",
                "undeliverable", "+14155550003=FAILED", "submitTimeoutMillis", "1500"));
        assertThat(carrier.capabilities()).isEqualTo(new CarrierCapabilities(false, 0, false, 3, 2.5,
                Duration.ofMillis(1500)));
        assertThat(carrier.submit(sms("a", "+14155550001"))).isInstanceOf(SubmitResult.RejectedPermanently.class);
        assertThatThrownBy(() -> SimulatedCarrier.fromConfiguration(Map.of("permanentFailures", "+1415=NOPE")))
                .isInstanceOf(CarrierConfigurationException.class);
        assertThatThrownBy(() -> SimulatedCarrier.fromConfiguration(Map.of("mms", "yes")))
                .isInstanceOf(CarrierConfigurationException.class);
        assertThatThrownBy(() -> SimulatedCarrier.fromConfiguration(Map.of("latency", "5")))
                .isInstanceOf(CarrierConfigurationException.class).hasMessageContaining("latencyMillis");
    }
}
