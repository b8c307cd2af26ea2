package io.github.inboxkit.carrier.simulator;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A deterministic, in-process carrier for examples and tests (id {@value #ID}).
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li><b>Determinism.</b> Every random decision (transient failure, duplicate or out-of-order
 *       report) is drawn from the seed, the submission's idempotency key and its attempt number, so
 *       one seed gives the same outcomes for the same submissions whatever the order or the threads
 *       they arrive on. Carrier message ids derive from the seed and the key.
 *   <li><b>Idempotency.</b> A submission whose key was already accepted (or refused for good) gets
 *       the same result again; it is counted as an attempt ({@link #attempts(String)}) but not
 *       recorded or reported a second time. A transient failure is not remembered: the next attempt
 *       draws again.
 *   <li><b>Submission lookup.</b> Unless {@linkplain Builder#submissionLookup turned off}, the
 *       simulator offers {@link #submissionLookup()}: a key it accepted (or refused for good) is
 *       found with that answer, any other key is not found; a lookup sends nothing, is not an
 *       attempt, and is counted in {@link #lookups(String)}.
 *   <li><b>Checks, in order:</b> capabilities (media when MMS is off, media over the size limit,
 *       alphanumeric sender when not allowed, too many segments), then {@linkplain
 *       Builder#permanentFailure chosen numbers}, then the {@linkplain
 *       Builder#transientFailureRate transient failure rate}.
 *   <li><b>Latency.</b> {@linkplain Builder#latency Injected latency} sleeps before answering; a
 *       latency at or above the declared submit timeout sleeps for the timeout and answers {@link
 *       TransientReason#TIMEOUT}, as the contract asks of a real carrier.
 *   <li><b>Delivery reports.</b> Each accepted message queues {@code SENT} then a final status
 *       ({@code DELIVERED}, or what {@link Builder#undeliverable} chose). At the configured rates a
 *       report is duplicated, or the two are queued final-first. Drain them with {@link
 *       #drainDeliveryReports()} or as a signed webhook with {@link #drainDeliveryReportWebhook()}.
 *   <li><b>Webhooks.</b> Bodies are {@code application/x-www-form-urlencoded}, signed with
 *       HMAC-SHA256 over {@code timestamp + "." + body} in {@value #SIGNATURE_HEADER} ({@code
 *       sha256=<hex>}), with the Unix time in seconds in {@value #TIMESTAMP_HEADER}. {@link
 *       #parseWebhook} checks the method, the signature (in constant time), the timestamp against
 *       the replay tolerance, the content type, then parses strictly.
 * </ul>
 *
 * <p>The declared throughput is reported in the capabilities only; the simulator does not throttle.
 *
 * <p>Thread-safe: all methods may be called concurrently.
 */
public final class SimulatedCarrier implements Carrier {

    /** The simulator's carrier id. */
    public static final String ID = "simulator";
    /** Header carrying {@code sha256=<hex>} of the HMAC-SHA256 over {@code timestamp + "." + body}. */
    public static final String SIGNATURE_HEADER = "X-Simulator-Signature";
    /** Header carrying the signing time in Unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Simulator-Timestamp";
    /** The content type of the simulator's webhook bodies. */
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private static final System.Logger LOG = System.getLogger(SimulatedCarrier.class.getName());
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern UNIX_SECONDS = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final long SALT_TRANSIENT = 0x5DEECE66DL;
    private static final long SALT_DUPLICATE = 0x2545F4914F6CDD1DL;
    private static final long SALT_ORDER = 0x27BB2EE687B0B0FDL;

    private final long seed;
    private final Clock clock;
    private final CarrierCapabilities capabilities;
    private final Duration latency;
    private final double transientFailureRate;
    private final double duplicateReportRate;
    private final double outOfOrderReportRate;
    private final Map<String, PermanentReason> permanentFailures;
    private final Map<String, DeliveryStatus> undeliverable;
    private final WebhookSigner signer;
    private final Duration webhookTolerance;
    private final Optional<SubmissionLookup> lookup;

    private final Object lock = new Object();
    // All guarded by lock.
    private final Map<String, SubmitResult> settled = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Integer> lookups = new HashMap<>();
    private final Map<String, String> keyByCarrierId = new HashMap<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<DeliveryReport> pendingReports = new ArrayList<>();
    private long inboundSequence;

    private SimulatedCarrier(Builder builder) {
        this.seed = builder.seed;
        this.clock = builder.clock;
        this.capabilities = builder.capabilities;
        this.latency = builder.latency;
        this.transientFailureRate = builder.transientFailureRate;
        this.duplicateReportRate = builder.duplicateReportRate;
        this.outOfOrderReportRate = builder.outOfOrderReportRate;
        this.permanentFailures = Map.copyOf(builder.permanentFailures);
        this.undeliverable = Map.copyOf(builder.undeliverable);
        this.signer = new WebhookSigner(builder.webhookSecret);
        this.webhookTolerance = builder.webhookTolerance;
        this.lookup = builder.submissionLookup ? Optional.of(this::findSubmission) : Optional.empty();
    }

    /**
     * A builder with seed 0, the system UTC clock, no latency, no faults, SMS and MMS up to 410 KiB,
     * alphanumeric senders allowed, 10 segments, 100 messages per second, a 5-second submit
     * timeout, the webhook secret {@code "simulator-secret"}, a 5-minute replay tolerance and the
     * submission lookup offered.
     *
     * @return a new builder; not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A simulator with the {@linkplain #builder() defaults}.
     *
     * @return a new simulator
     */
    public static SimulatedCarrier create() {
        return builder().build();
    }

    /**
     * A simulator configured from a plain map, as {@link io.github.inboxkit.carrier.Carriers#load}
     * does; see {@link SimulatedCarrierProvider} for the keys.
     *
     * @param configuration the settings
     * @return a new simulator
     * @throws io.github.inboxkit.carrier.CarrierConfigurationException if a key is unknown or a value malformed
     */
    public static SimulatedCarrier fromConfiguration(Map<String, String> configuration) {
        return SimulatorConfiguration.apply(configuration, builder(), Clock.systemUTC()).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CarrierCapabilities capabilities() {
        return capabilities;
    }

    /**
     * {@inheritDoc}
     *
     * @return the simulator's lookup ({@link #findSubmission}), unless the builder turned it off
     */
    @Override
    public Optional<SubmissionLookup> submissionLookup() {
        return lookup;
    }

    /**
     * Finds what the simulator decided for a key, sending nothing: the first acceptance or the
     * permanent refusal, or empty for a key never submitted or only refused transiently. Counted in
     * {@link #lookups(String)}, not in {@link #attempts(String)}. Answers even when the builder
     * turned the {@linkplain #submissionLookup() capability} off, for tests that inspect the simulator.
     *
     * @param idempotencyKey the key
     * @return the settled result, or empty
     */
    public Optional<SubmitResult> findSubmission(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        synchronized (lock) {
            lookups.merge(idempotencyKey, 1, Integer::sum);
            return Optional.ofNullable(settled.get(idempotencyKey));
        }
    }

    @Override
    public SubmitResult submit(OutboundSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        String key = submission.idempotencyKey();
        int attempt;
        synchronized (lock) {
            attempt = attempts.merge(key, 1, Integer::sum);
            SubmitResult earlier = settled.get(key);
            if (earlier != null) {
                LOG.log(System.Logger.Level.DEBUG, "Repeat of {0} (attempt {1}) answered as before", key, attempt);
                return earlier;
            }
        }
        if (!latency.isZero()) {
            Duration timeout = capabilities.submitTimeout();
            boolean timesOut = latency.compareTo(timeout) >= 0;
            if (!sleep(timesOut ? timeout : latency) || timesOut) {
                return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "SIM-408",
                        "simulated carrier did not answer within " + timeout);
            }
        }
        SubmitResult refusal = refusal(submission);
        if (refusal != null) {
            synchronized (lock) {
                return settled.computeIfAbsent(key, k -> refusal);
            }
        }
        if (random(key, attempt, SALT_TRANSIENT).nextDouble() < transientFailureRate) {
            return attempt % 2 == 0
                    ? SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "SIM-429", "simulated throttling",
                            Duration.ofSeconds(1))
                    : SubmitResult.rejectedTransiently(TransientReason.CARRIER_UNAVAILABLE, "SIM-503",
                            "simulated outage");
        }
        return accept(submission, key);
    }

    private SubmitResult refusal(OutboundSubmission submission) {
        if (submission.isMms() && !capabilities.mms()) {
            return SubmitResult.rejectedPermanently(PermanentReason.MEDIA_NOT_SUPPORTED, "SIM-415",
                    "this simulated route carries no MMS");
        }
        if (submission.isMms() && submission.mediaBytes() > capabilities.maxMmsBytes()) {
            return SubmitResult.rejectedPermanently(PermanentReason.MEDIA_TOO_LARGE, "SIM-413",
                    "media exceed " + capabilities.maxMmsBytes() + " bytes");
        }
        if (submission.sender().kind() == SenderKind.ALPHANUMERIC && !capabilities.alphanumericSenders()) {
            return SubmitResult.rejectedPermanently(PermanentReason.SENDER_NOT_ALLOWED, "SIM-403",
                    "alphanumeric senders are not allowed on this simulated route");
        }
        if (submission.segmentCount() > capabilities.maxSegments()) {
            return SubmitResult.rejectedPermanently(PermanentReason.CONTENT_REFUSED, "SIM-414",
                    "more than " + capabilities.maxSegments() + " segments");
        }
        PermanentReason chosen = permanentFailures.get(submission.recipient());
        if (chosen != null) {
            return SubmitResult.rejectedPermanently(chosen, "SIM-" + chosen.name(), "simulated permanent failure");
        }
        return null;
    }

    private SubmitResult accept(OutboundSubmission submission, String key) {
        Instant now = clock.instant();
        synchronized (lock) {
            SubmitResult raced = settled.get(key);
            if (raced != null) {
                return raced; // another thread accepted the same key meanwhile
            }
            String carrierId = "SIM-" + Long.toHexString(new SplittableRandom(seed ^ hash(key)).nextLong());
            while (keyByCarrierId.containsKey(carrierId)) {
                carrierId = carrierId + "x"; // a 64-bit collision; keeps ids unique
            }
            keyByCarrierId.put(carrierId, key);
            // Bills the library's count, which already pays each segment's header for the national
            // language shift tables used (fewer segments than UCS-2); an MMS bills at least one.
            int billed = Math.max(submission.segmentCount(), submission.isMms() ? 1 : 0);
            SubmitResult.Accepted accepted = SubmitResult.accepted(carrierId, billed);
            settled.put(key, accepted);
            sent.add(new SentMessage(submission, carrierId));
            queueReports(submission, key, carrierId, now);
            LOG.log(System.Logger.Level.DEBUG, "Accepted {0} as {1}", key, carrierId);
            return accepted;
        }
    }

    private void queueReports(OutboundSubmission submission, String key, String carrierId, Instant now) {
        DeliveryStatus outcome = undeliverable.getOrDefault(submission.recipient(), DeliveryStatus.DELIVERED);
        List<DeliveryReport> reports = new ArrayList<>(3);
        // reports name the sender, so that a webhook front door can route them by number
        String sender = submission.sender().value();
        reports.add(new DeliveryReport(carrierId, DeliveryStatus.SENT, "", now, sender));
        reports.add(new DeliveryReport(carrierId, outcome,
                outcome == DeliveryStatus.DELIVERED ? "" : "SIM-" + outcome.name(), now.plusSeconds(1), sender));
        if (random(key, 0, SALT_ORDER).nextDouble() < outOfOrderReportRate) {
            java.util.Collections.reverse(reports);
        }
        SplittableRandom duplicate = random(key, 0, SALT_DUPLICATE);
        if (duplicate.nextDouble() < duplicateReportRate) {
            reports.add(reports.get(duplicate.nextInt(reports.size())));
        }
        pendingReports.addAll(reports);
    }

    @Override
    public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        Objects.requireNonNull(request, "request");
        if (!"POST".equals(request.method())) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "simulator webhooks are POST requests, not " + request.method());
        }
        // one value each: with several, which one a parser reads would decide whether a forgery passes
        String signature = request.signatureHeader(SIGNATURE_HEADER);
        String timestamp = request.signatureHeader(TIMESTAMP_HEADER);
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (!UNIX_SECONDS.matcher(timestamp).matches()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    TIMESTAMP_HEADER + " is not Unix seconds");
        }
        if (!signer.verify(timestamp, body, signature)) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_INVALID,
                    SIGNATURE_HEADER + " does not match the body: forged, tampered or signed with another secret");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(webhookTolerance) > 0) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.STALE,
                    "webhook signed " + age.toSeconds() + " s away from now, beyond the tolerance of "
                            + webhookTolerance.toSeconds() + " s: a replay or a skewed clock");
        }
        String contentType = request.header("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim();
        if (!CONTENT_TYPE.equalsIgnoreCase(mediaType)) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "content type must be " + CONTENT_TYPE);
        }
        try {
            return WebhookFormat.decode(FormCodec.decode(body));
        } catch (IllegalArgumentException malformed) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED,
                    "malformed simulator webhook body: " + malformed.getMessage(), malformed);
        }
    }

    /**
     * Signs a payload as a webhook request the way the simulator sends it, timestamped by the clock.
     *
     * @param payload what the webhook carries
     * @return a POST request with a signed form body
     */
    public WebhookRequest webhookFor(WebhookPayload payload) {
        Objects.requireNonNull(payload, "payload");
        return signedRequest(FormCodec.encode(WebhookFormat.encode(payload)).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Signs arbitrary body bytes as a simulator webhook, timestamped by the clock: what a test needs
     * to prove that a correctly signed but malformed body is still refused.
     *
     * @param body the raw body
     * @return a POST request with the simulator's content type and a valid signature
     */
    public WebhookRequest signedRequest(byte[] body) {
        Objects.requireNonNull(body, "body");
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, signer.sign(timestamp, body));
        return WebhookRequest.of("POST", headers, body);
    }

    /**
     * Simulates a contact texting one of the account's numbers: creates an inbound message with
     * a fresh carrier message id, received now, and returns it as a signed webhook.
     *
     * @param from the contact's number in E.164 form
     * @param to the sender id that receives it
     * @param text the text
     * @return the signed webhook a real carrier would POST
     * @throws IllegalArgumentException if the message would be invalid
     */
    public WebhookRequest inboundWebhook(String from, String to, String text) {
        return webhookFor(WebhookPayload.ofInbound(List.of(inboundMessage(from, to, text))));
    }

    /**
     * Creates an inbound message with a fresh carrier message id ({@code SIM-IN-1}, {@code SIM-IN-2},
     * ...), received now.
     *
     * @param from the contact's number in E.164 form
     * @param to the sender id that receives it
     * @param text the text
     * @return the message
     * @throws IllegalArgumentException if the message would be invalid
     */
    public InboundMessage inboundMessage(String from, String to, String text) {
        long sequence;
        synchronized (lock) {
            sequence = ++inboundSequence;
        }
        return new InboundMessage("SIM-IN-" + sequence, from, to, text, List.of(), clock.instant());
    }

    /**
     * Removes and returns the delivery reports produced so far, in the order a carrier would send
     * them (including the injected duplicates and reorderings).
     *
     * @return the reports, possibly empty
     */
    public List<DeliveryReport> drainDeliveryReports() {
        synchronized (lock) {
            List<DeliveryReport> drained = List.copyOf(pendingReports);
            pendingReports.clear();
            return drained;
        }
    }

    /**
     * Removes the pending delivery reports and returns them as one signed webhook.
     *
     * @return the webhook, or empty when no report was pending
     */
    public Optional<WebhookRequest> drainDeliveryReportWebhook() {
        List<DeliveryReport> reports = drainDeliveryReports();
        return reports.isEmpty() ? Optional.empty() : Optional.of(webhookFor(WebhookPayload.ofReports(reports)));
    }

    /**
     * The messages accepted so far, each once, in the order they were accepted.
     *
     * @return a snapshot
     */
    public List<SentMessage> sentMessages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /**
     * How many times a key was submitted, repeats and transient failures included.
     *
     * @param idempotencyKey the key
     * @return the number of submits with that key, 0 if never seen
     */
    public int attempts(String idempotencyKey) {
        synchronized (lock) {
            return attempts.getOrDefault(idempotencyKey, 0);
        }
    }

    /**
     * How many times a key was looked up through {@link #findSubmission}.
     *
     * @param idempotencyKey the key
     * @return the number of lookups of that key, 0 if never looked up
     */
    public int lookups(String idempotencyKey) {
        synchronized (lock) {
            return lookups.getOrDefault(idempotencyKey, 0);
        }
    }

    private SplittableRandom random(String key, int attempt, long salt) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ hash(key) ^ salt ^ ((long) attempt << 40));
    }

    /** FNV-1a over the key's UTF-16 units: stable across JVMs, unlike identity hashes. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static boolean sleep(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A message the simulator accepted.
     *
     * @param submission what was submitted
     * @param carrierMessageId the id the simulator answered with
     */
    public record SentMessage(OutboundSubmission submission, String carrierMessageId) {

        /**
         * Validates.
         *
         * @param submission the {@code submission} component
         * @param carrierMessageId the {@code carrierMessageId} component
         * @throws NullPointerException if an argument is null
         */
        public SentMessage {
            Objects.requireNonNull(submission, "submission");
            Objects.requireNonNull(carrierMessageId, "carrierMessageId");
        }
    }

    /**
     * Builds a {@link SimulatedCarrier}; each setter fails fast on a bad value. Not thread-safe.
     */
    public static final class Builder {
        private long seed;
        private Clock clock = Clock.systemUTC();
        private CarrierCapabilities capabilities = CarrierCapabilities.builder()
                .mms(410 * 1024).alphanumericSenders(true).maxSegments(10).messagesPerSecond(100)
                .submitTimeout(Duration.ofSeconds(5)).build();
        private Duration latency = Duration.ZERO;
        private double transientFailureRate;
        private double duplicateReportRate;
        private double outOfOrderReportRate;
        private final Map<String, PermanentReason> permanentFailures = new HashMap<>();
        private final Map<String, DeliveryStatus> undeliverable = new HashMap<>();
        private String webhookSecret = "simulator-secret";
        private Duration webhookTolerance = Duration.ofMinutes(5);
        private boolean submissionLookup = true;

        private Builder() {}

        /**
         * Sets whether the simulator offers {@link SimulatedCarrier#submissionLookup()}, so that a
         * test can play a carrier that cannot find earlier submissions. On by default.
         *
         * @param offered whether the capability is offered
         * @return this builder
         */
        public Builder submissionLookup(boolean offered) {
            this.submissionLookup = offered;
            return this;
        }

        /**
         * Sets the seed every random decision derives from.
         *
         * @param value any value
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets the clock that dates reports and inbound messages and judges webhook age.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the declared capabilities, which the simulator also enforces (MMS, size, sender, segments).
         *
         * @param value the capabilities
         * @return this builder
         */
        public Builder capabilities(CarrierCapabilities value) {
            this.capabilities = Objects.requireNonNull(value, "capabilities");
            return this;
        }

        /**
         * Sets how long each submit takes before answering.
         *
         * @param value zero or positive
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder latency(Duration value) {
            Objects.requireNonNull(value, "latency");
            requireArgument(!value.isNegative(), "latency must not be negative");
            this.latency = value;
            return this;
        }

        /**
         * Sets the probability that an attempt fails transiently.
         *
         * @param value from 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1]
         */
        public Builder transientFailureRate(double value) {
            this.transientFailureRate = rate(value, "transientFailureRate");
            return this;
        }

        /**
         * Sets the probability that an accepted message's reports include a duplicate.
         *
         * @param value from 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1]
         */
        public Builder duplicateReportRate(double value) {
            this.duplicateReportRate = rate(value, "duplicateReportRate");
            return this;
        }

        /**
         * Sets the probability that an accepted message's final report is queued before its SENT.
         *
         * @param value from 0 to 1
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1]
         */
        public Builder outOfOrderReportRate(double value) {
            this.outOfOrderReportRate = rate(value, "outOfOrderReportRate");
            return this;
        }

        /**
         * Makes every submission to a number fail for good, e.g. {@code OPTED_OUT} or {@code INVALID_NUMBER}.
         *
         * @param recipient the number in E.164 form
         * @param reason the reason to answer with
         * @return this builder
         * @throws IllegalArgumentException if the number is not E.164
         */
        public Builder permanentFailure(String recipient, PermanentReason reason) {
            permanentFailures.put(e164(recipient), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * Makes messages to a number end in a non-delivered final report.
         *
         * @param recipient the number in E.164 form
         * @param finalStatus {@code UNDELIVERED} or {@code FAILED}
         * @return this builder
         * @throws IllegalArgumentException if the number is not E.164 or the status is not a failure
         */
        public Builder undeliverable(String recipient, DeliveryStatus finalStatus) {
            Objects.requireNonNull(finalStatus, "finalStatus");
            requireArgument(finalStatus == DeliveryStatus.UNDELIVERED || finalStatus == DeliveryStatus.FAILED,
                    "finalStatus must be UNDELIVERED or FAILED, was " + finalStatus);
            undeliverable.put(e164(recipient), finalStatus);
            return this;
        }

        /**
         * Sets the secret webhooks are signed with.
         *
         * @param value at least 16 characters
         * @return this builder
         * @throws IllegalArgumentException if shorter
         */
        public Builder webhookSecret(String value) {
            Objects.requireNonNull(value, "webhookSecret");
            requireArgument(value.length() >= 16, "webhookSecret must be at least 16 characters");
            this.webhookSecret = value;
            return this;
        }

        /**
         * Sets how far a webhook's signed timestamp may be from the clock before it is refused as stale.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder webhookTolerance(Duration value) {
            Objects.requireNonNull(value, "webhookTolerance");
            requireArgument(!value.isNegative() && !value.isZero(), "webhookTolerance must be positive");
            this.webhookTolerance = value;
            return this;
        }

        /**
         * Builds the simulator.
         *
         * @return a new simulator with empty records
         */
        public SimulatedCarrier build() {
            return new SimulatedCarrier(this);
        }

        private static double rate(double value, String name) {
            requireArgument(value >= 0 && value <= 1, name + " must be between 0 and 1, was " + value);
            return value;
        }

        private static String e164(String number) {
            Objects.requireNonNull(number, "recipient");
            requireArgument(number.matches("\\+[1-9][0-9]{1,14}"), "recipient must be an E.164 number");
            return number;
        }

        private static void requireArgument(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
