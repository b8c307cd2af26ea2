package io.github.inboxkit.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.TransientReason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Submitting to the local fake of Twilio's Messages API: the request Twilio gets and how its answers map. */
class TwilioCarrierTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json";
    private static FakeTwilio twilio;

    @BeforeAll
    static void startTwilio() throws IOException {
        twilio = new FakeTwilio();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.close();
    }

    @BeforeEach
    void resetTwilio() {
        twilio.reset();
    }

    private static TwilioCarrier.Builder builder() {
        return TwilioRequests.carrier(twilio.baseUrl(), NOW);
    }

    private static OutboundSubmission sms(String key, String to) {
        return OutboundSubmission.sms(key, Sender.longCode("+14155550100"), to, "Your table is ready 🍽", 1,
                TextEncoding.UCS_2);
    }

    @Test
    @DisplayName("F48 an SMS is one form-encoded POST to Messages.json with Basic auth, To, From, Body and StatusCallback")
    void smsRequest() {
        SubmitResult result = builder().build().submit(sms("k-1", "+33612345678"));

        assertThat(result).isInstanceOfSatisfying(SubmitResult.Accepted.class, accepted -> {
            assertThat(accepted.carrierMessageId()).startsWith("SM").hasSize(34);
            assertThat(accepted.segmentsBilled()).isEqualTo(1);
        });
        FakeTwilio.Recorded request = twilio.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(MESSAGES_PATH);
        assertThat(request.authorization()).isEqualTo(FakeTwilio.basic(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN));
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).extracting(Map.Entry::getKey)
                .containsExactly("To", "From", "Body", "StatusCallback");
        assertThat(request.first("To")).contains("+33612345678");
        assertThat(request.first("From")).contains("+14155550100");
        assertThat(request.first("Body")).contains("Your table is ready 🍽");
        assertThat(request.first("StatusCallback")).contains(TwilioRequests.WEBHOOK_URL);
    }

    @Test
    @DisplayName("F48 with a Messaging Service the request carries MessagingServiceSid instead of From; an API key authenticates in place of the token")
    void messagingServiceAndApiKey() {
        TwilioCarrier carrier = builder().messagingServiceSid(FakeTwilio.MESSAGING_SERVICE_SID)
                .apiKey(FakeTwilio.API_KEY_SID, FakeTwilio.API_KEY_SECRET).build();

        SubmitResult result = carrier.submit(sms("k-2", "+33612345678"));

        assertThat(result).isInstanceOfSatisfying(SubmitResult.Accepted.class,
                accepted -> assertThat(accepted.segmentsBilled()).as("num_segments is 0 until a sender is picked;"
                        + " the library's count stands in").isEqualTo(1));
        FakeTwilio.Recorded request = twilio.lastRequest();
        assertThat(request.authorization()).isEqualTo(FakeTwilio.basic(FakeTwilio.API_KEY_SID, FakeTwilio.API_KEY_SECRET));
        assertThat(request.first("MessagingServiceSid")).contains(FakeTwilio.MESSAGING_SERVICE_SID);
        assertThat(request.first("From")).isEmpty();
    }

    @Test
    @DisplayName("F48 an MMS publishes each inline attachment through the MediaPublisher and sends one MediaUrl per attachment, in order")
    void mmsThroughPublisher() {
        List<String> published = new CopyOnWriteArrayList<>();
        TwilioCarrier carrier = builder().mediaPublisher((key, index, media) -> {
            published.add(key + "/" + index + " " + media.contentType() + " " + media.sizeBytes());
            return URI.create("https://media.example.com/" + key + "/" + index);
        }).build();
        OutboundSubmission mms = OutboundSubmission.sms("k-3", Sender.shortCode("72345"), "+33612345678", "menu", 1,
                TextEncoding.GSM_7).withMedia(List.of(OutboundMedia.inline("image/png", new byte[] {1, 2, 3}),
                        OutboundMedia.hosted("image/jpeg", URI.create("https://cdn.example.com/a.jpg"), 2048)));

        SubmitResult result = carrier.submit(mms);

        assertThat(result).isInstanceOfSatisfying(SubmitResult.Accepted.class, accepted -> {
            assertThat(accepted.carrierMessageId()).startsWith("MM");
            assertThat(accepted.segmentsBilled()).isZero();
        });
        assertThat(published).containsExactly("k-3/0 image/png 3");
        assertThat(twilio.lastRequest().all("MediaUrl"))
                .containsExactly("https://media.example.com/k-3/0", "https://cdn.example.com/a.jpg");
        assertThat(twilio.lastRequest().first("From")).contains("72345");
        assertThat(carrier.capabilities().mms()).isTrue();
        assertThat(carrier.capabilities().maxMmsBytes()).isEqualTo(TwilioCarrier.MAX_MMS_BYTES);
    }

    @Test
    @DisplayName("F48 without a MediaPublisher the carrier declares no MMS and refuses media with MEDIA_NOT_SUPPORTED, sending nothing")
    void mmsWithoutPublisher() {
        TwilioCarrier carrier = builder().build();
        OutboundSubmission mms = sms("k-4", "+33612345678")
                .withMedia(List.of(OutboundMedia.inline("image/png", new byte[] {1})));

        SubmitResult result = carrier.submit(mms);

        assertThat(carrier.capabilities().mms()).isFalse();
        assertThat(result).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class, refused -> {
            assertThat(refused.reason()).isEqualTo(PermanentReason.MEDIA_NOT_SUPPORTED);
            assertThat(refused.carrierText()).contains("MediaPublisher");
        });
        assertThat(twilio.requests()).isEmpty();
    }

    @Test
    @DisplayName("F48 a MediaPublisher that fails, or returns no http(s) URL, is a transient rejection and nothing is sent")
    void publisherFailure() {
        TwilioCarrier failing = builder().mediaPublisher((key, index, media) -> {
            throw new IllegalStateException("bucket unavailable");
        }).build();
        TwilioCarrier relative = builder().mediaPublisher((key, index, media) -> URI.create("/local/path")).build();
        OutboundSubmission mms = sms("k-5", "+33612345678")
                .withMedia(List.of(OutboundMedia.inline("image/png", new byte[] {1})));

        assertThat(failing.submit(mms)).isInstanceOfSatisfying(SubmitResult.RejectedTransiently.class,
                refused -> assertThat(refused.carrierText()).contains("bucket unavailable"));
        assertThat(relative.submit(mms)).isInstanceOf(SubmitResult.RejectedTransiently.class);
        assertThat(twilio.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
        FakeTwilio.INVALID + ", 21211, INVALID_NUMBER",
        FakeTwilio.BLOCKED + ", 21610, OPTED_OUT",
        FakeTwilio.NOT_MOBILE + ", 21614, UNREACHABLE_NUMBER",
        FakeTwilio.NO_REGION_PERMISSION + ", 21408, ACCOUNT_REFUSED"})
    @DisplayName("F48 Twilio's documented error codes map to permanent reasons, with Twilio's code and message")
    void documentedErrors(String recipient, String code, PermanentReason reason) {
        SubmitResult result = builder().build().submit(sms("k-" + code, recipient));

        assertThat(result).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.carrierCode()).isEqualTo(code);
            assertThat(refused.carrierText()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
        "400, 21212, SENDER_NOT_ALLOWED",
        "400, 21606, SENDER_NOT_ALLOWED",
        "400, 21617, CONTENT_REFUSED",
        "400, 21620, MEDIA_NOT_SUPPORTED",
        "400, 21608, ACCOUNT_REFUSED",
        "400, 99999, OTHER",
        "403, 20403, ACCOUNT_REFUSED"})
    @DisplayName("F48 other refusals map by code, and by HTTP status when the code is not one the carrier knows")
    void otherPermanentErrors(int status, int code, PermanentReason reason) {
        twilio.answerNext(status, FakeTwilio.error(code, "refused", status), Map.of());

        assertThat(builder().build().submit(sms("k-o" + code, "+33612345678")))
                .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(reason);
                    assertThat(refused.carrierCode()).isEqualTo(Integer.toString(code));
                });
    }

    @Test
    @DisplayName("F48 wrong credentials (401, code 20003) are ACCOUNT_REFUSED")
    void wrongCredentials() {
        TwilioCarrier carrier = builder().authToken("not-the-token").build();

        assertThat(carrier.submit(sms("k-6", "+33612345678"))).isInstanceOfSatisfying(
                SubmitResult.RejectedPermanently.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(PermanentReason.ACCOUNT_REFUSED);
                    assertThat(refused.carrierCode()).isEqualTo("20003");
                });
    }

    @Test
    @DisplayName("F48 a 4xx whose body is not Twilio's JSON is a permanent OTHER naming the HTTP status")
    void errorWithoutJson() {
        twilio.answerNext(400, "<html>Bad Request</html>", Map.of());

        assertThat(builder().build().submit(sms("k-7", "+33612345678")))
                .isEqualTo(SubmitResult.rejectedPermanently(PermanentReason.OTHER, "HTTP 400", "HTTP 400 from Twilio"));
    }

    @Test
    @DisplayName("F48 429 with Retry-After in seconds is RATE_LIMITED with that delay")
    void rateLimitedWithSeconds() {
        twilio.answerNext(429, FakeTwilio.error(20429, "Too Many Requests", 429), Map.of("Retry-After", "7"));

        assertThat(builder().build().submit(sms("k-8", "+33612345678")))
                .isEqualTo(SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "20429", "Too Many Requests",
                        Duration.ofSeconds(7)));
    }

    @Test
    @DisplayName("F48 429 with Retry-After as an HTTP date waits until that date; without it, no advice")
    void rateLimitedWithDate() {
        twilio.answerNext(429, FakeTwilio.error(20429, "Too Many Requests", 429),
                Map.of("Retry-After", "Wed, 25 Nov 2026 15:00:30 GMT"));
        twilio.answerNext(429, "", Map.of());
        TwilioCarrier carrier = builder().build();

        assertThat(carrier.submit(sms("k-9", "+33612345678"))).isInstanceOfSatisfying(
                SubmitResult.RejectedTransiently.class,
                refused -> assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(carrier.submit(sms("k-9", "+33612345678"))).isInstanceOfSatisfying(
                SubmitResult.RejectedTransiently.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(TransientReason.RATE_LIMITED);
                    assertThat(refused.retryAfter()).isEmpty();
                });
    }

    @Test
    @DisplayName("F48 a full sender queue (HTTP 400, code 21611) is transient, not a permanent refusal")
    void fullQueueIsTransient() {
        twilio.answerNext(400, FakeTwilio.error(21611, "This 'From' number has exceeded the maximum number of queued"
                + " messages", 400), Map.of());

        assertThat(builder().build().submit(sms("k-10", "+33612345678"))).isInstanceOfSatisfying(
                SubmitResult.RejectedTransiently.class,
                refused -> assertThat(refused.reason()).isEqualTo(TransientReason.RATE_LIMITED));
    }

    @ParameterizedTest
    @CsvSource({"500", "502", "503"})
    @DisplayName("F48 5xx is CARRIER_UNAVAILABLE, and a retry after it is accepted")
    void serverErrors(int status) {
        twilio.answerNext(status, FakeTwilio.error(20500, "Internal Server Error", status), Map.of("Retry-After", "2"));
        TwilioCarrier carrier = builder().build();

        assertThat(carrier.submit(sms("k-5xx", "+33612345678"))).isEqualTo(SubmitResult.rejectedTransiently(
                TransientReason.CARRIER_UNAVAILABLE, "20500", "Internal Server Error", Duration.ofSeconds(2)));
        assertThat(carrier.submit(sms("k-5xx", "+33612345678"))).isInstanceOf(SubmitResult.Accepted.class);
    }

    @Test
    @DisplayName("F48 Twilio answering later than the submit timeout is TIMEOUT, returned within the timeout")
    void timeout() {
        twilio.delayNext(Duration.ofSeconds(3));
        TwilioCarrier carrier = builder().submitTimeout(Duration.ofMillis(300)).build();

        long started = System.nanoTime();
        SubmitResult result = carrier.submit(sms("k-11", "+33612345678"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result).isInstanceOfSatisfying(SubmitResult.RejectedTransiently.class,
                refused -> assertThat(refused.reason()).isEqualTo(TransientReason.TIMEOUT));
        // A bound on the contract (returns within the timeout, plus scheduling slack), not a measurement.
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("F48 a connection refused is NETWORK_ERROR")
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TwilioCarrier carrier = builder().apiBaseUrl(URI.create("http://127.0.0.1:" + closedPort)).build();

        assertThat(carrier.submit(sms("k-12", "+33612345678"))).isInstanceOfSatisfying(
                SubmitResult.RejectedTransiently.class,
                refused -> assertThat(refused.reason()).isEqualTo(TransientReason.NETWORK_ERROR));
    }

    @Test
    @DisplayName("F48 a 201 without a sid is transient: the message may be queued, but it has no id to track")
    void acceptedWithoutSid() {
        twilio.answerNext(201, "{\"status\": \"queued\"}", Map.of());

        assertThat(builder().build().submit(sms("k-13", "+33612345678"))).isInstanceOfSatisfying(
                SubmitResult.RejectedTransiently.class,
                refused -> assertThat(refused.reason()).isEqualTo(TransientReason.UNEXPECTED_ERROR));
    }

    @Test
    @DisplayName("F48 a resubmitted idempotency key answers the first SID without a second request to Twilio")
    void resubmissionAnswersFirstSid() {
        TwilioCarrier carrier = builder().build();

        SubmitResult first = carrier.submit(sms("k-14", "+33612345678"));
        SubmitResult again = carrier.submit(sms("k-14", "+33612345678"));

        assertThat(again).isEqualTo(first);
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    @DisplayName("F48 concurrent submissions of one key make one request; a transient answer is not remembered")
    void concurrentRepeatsMakeOneRequest() throws InterruptedException {
        TwilioCarrier carrier = builder().build();
        twilio.delayNext(Duration.ofMillis(200));
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread thread = new Thread(() -> {
                if (carrier.submit(sms("k-15", "+33612345678")) instanceof SubmitResult.Accepted) {
                    accepted.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(accepted).hasValue(6);
        assertThat(twilio.requests()).hasSize(1);

        twilio.answerNext(503, "", Map.of());
        assertThat(carrier.submit(sms("k-16", "+33612345678"))).isInstanceOf(SubmitResult.RejectedTransiently.class);
        assertThat(carrier.submit(sms("k-16", "+33612345678"))).isInstanceOf(SubmitResult.Accepted.class);
    }

    @Test
    @DisplayName("F48 what Twilio would refuse is refused without a request: alphanumeric sender when not enabled, too many segments, over 1600 characters, over 10 media")
    void refusedLocally() {
        TwilioCarrier carrier = builder().maxSegments(3)
                .mediaPublisher((key, index, media) -> URI.create("https://m.example/" + index)).build();
        OutboundSubmission alphanumeric = OutboundSubmission.sms("k-17", Sender.alphanumeric("ACME"), "+33612345678",
                "hi", 1, TextEncoding.GSM_7);
        OutboundSubmission long4 = OutboundSubmission.sms("k-18", Sender.longCode("+14155550100"), "+33612345678",
                "x".repeat(600), 4, TextEncoding.GSM_7);
        OutboundSubmission media11 = sms("k-19", "+33612345678").withMedia(java.util.Collections.nCopies(11,
                OutboundMedia.inline("image/png", new byte[] {1})));

        assertThat(carrier.submit(alphanumeric)).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                refused -> assertThat(refused.reason()).isEqualTo(PermanentReason.SENDER_NOT_ALLOWED));
        assertThat(carrier.submit(long4)).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                refused -> assertThat(refused.reason()).isEqualTo(PermanentReason.CONTENT_REFUSED));
        assertThat(builder().maxSegments(20).build().submit(OutboundSubmission.sms("k-20",
                Sender.longCode("+14155550100"), "+33612345678", "x".repeat(1601), 11, TextEncoding.GSM_7)))
                .isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                        refused -> assertThat(refused.reason()).isEqualTo(PermanentReason.CONTENT_REFUSED));
        assertThat(carrier.submit(media11)).isInstanceOfSatisfying(SubmitResult.RejectedPermanently.class,
                refused -> assertThat(refused.reason()).isEqualTo(PermanentReason.MEDIA_NOT_SUPPORTED));
        assertThat(twilio.requests()).isEmpty();
    }
}
