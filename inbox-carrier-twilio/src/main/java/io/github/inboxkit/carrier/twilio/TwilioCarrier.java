package io.github.inboxkit.carrier.twilio;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.CarrierConfigurationException;
import io.github.inboxkit.carrier.MediaPublisher;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A carrier that sends SMS and MMS through Twilio's Programmable Messaging REST API and reads
 * Twilio's incoming-message and status-callback webhooks. Its id is {@value #ID}.
 *
 * <p>Create one with {@link #builder()} (or {@link io.github.inboxkit.carrier.Carriers#load} with
 * the id {@code twilio} and the settings {@link TwilioCarrierProvider} lists):
 *
 * <pre>{@code
 * Carrier twilio = TwilioCarrier.builder()
 *         .accountSid("AC...")
 *         .authToken(System.getenv("TWILIO_AUTH_TOKEN"))
 *         .webhookUrl(URI.create("https://inbox.example.com/webhooks/twilio"))
 *         .mediaPublisher(myPublicBucket)   // optional: without it, MMS is refused
 *         .build();
 * }</pre>
 *
 * <h2>Sending</h2>
 * Each submission is one {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded,
 * with HTTP Basic authentication (the account SID and auth token, or an API key and its secret):
 * {@code To}, {@code From} (or {@code MessagingServiceSid} when one is configured, and then Twilio
 * picks the sender from the service's pool), {@code Body}, one {@code MediaUrl} per attachment and
 * {@code StatusCallback} set to the webhook URL. Twilio's answers become {@link SubmitResult}s: a
 * {@code 201} with a {@code sid} is accepted under that id; documented error codes map to
 * permanent reasons (21211 invalid number, 21610 unsubscribed recipient as {@link
 * PermanentReason#OPTED_OUT}, 21614 not a mobile number, 21408 region not enabled…); 429, 20429,
 * a full sender queue, 5xx, time-outs and connection failures are transient, with Twilio's {@code
 * Retry-After} when it gives one. What Twilio would refuse anyway (a text over the segment limit,
 * an alphanumeric sender when not enabled, media without a {@link MediaPublisher}) is refused
 * without a request.
 *
 * <h2>Media</h2>
 * Twilio fetches MMS media from URLs. Attachments given as URLs ({@link OutboundMedia.Hosted}) are
 * passed as they are; attachments given as bytes ({@link OutboundMedia.Inline}) are published by
 * the host's {@link MediaPublisher}. Without one the carrier declares no MMS in its capabilities
 * and refuses media with {@link PermanentReason#MEDIA_NOT_SUPPORTED}.
 *
 * <h2>Idempotency</h2>
 * Twilio's Messages API takes no idempotency key. The carrier remembers, in memory, the message
 * SID each of the last {@value #ACCEPTED_MEMORY} accepted idempotency keys received, and runs
 * concurrent submissions of one key once, so a resubmission in the same process answers the first
 * SID instead of sending again. A resubmission after a time-out or a connection lost once the
 * request had left, or after a restart, can send the message a second time.
 *
 * <h2>Webhooks</h2>
 * {@link #parseWebhook} verifies {@code X-Twilio-Signature} over the configured webhook URL and the
 * request's form parameters before reading anything, then reads an incoming message ({@code
 * MessageSid}, {@code From}, {@code To}, {@code Body}, {@code NumMedia}, {@code MediaUrl}<i>N</i>,
 * {@code MediaContentType}<i>N</i>) or a status callback ({@code MessageSid}, {@code
 * MessageStatus}, {@code ErrorCode}).
 *
 * <p>Thread-safe: {@link #submit} and {@link #parseWebhook} may be called from many threads at once.
 */
public final class TwilioCarrier implements Carrier {

    /** The carrier id, used in configuration and by {@link TwilioCarrierProvider}. */
    public static final String ID = "twilio";

    /** The default REST API base URL. */
    public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.twilio.com");

    /** Twilio's limit on the total size of an MMS's media. */
    public static final int MAX_MMS_BYTES = 5 * 1024 * 1024;

    /** Twilio's limit on the length of a message body, in characters. */
    public static final int MAX_BODY_CHARACTERS = 1600;

    /** How many accepted idempotency keys are remembered to answer a resubmission with the first SID. */
    static final int ACCEPTED_MEMORY = 10_000;

    private static final System.Logger LOG = System.getLogger(TwilioCarrier.class.getName());
    private static final String FORM = "application/x-www-form-urlencoded";

    private final String accountSid;
    private final String authorization;
    private final Optional<String> messagingServiceSid;
    private final URI messagesUri;
    private final String webhookUrl;
    private final MediaPublisher mediaPublisher; // null when MMS is not configured
    private final Clock clock;
    private final CarrierCapabilities capabilities;
    private final HttpClient client;
    private final TwilioWebhooks webhooks;

    /** The SIDs of recently accepted keys, least recently used first; guarded by itself. */
    private final Map<String, SubmitResult.Accepted> acceptedKeys = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SubmitResult.Accepted> eldest) {
            return size() > ACCEPTED_MEMORY;
        }
    };
    /** Submissions being sent now, by idempotency key, so that a concurrent repeat waits for the first. */
    private final ConcurrentHashMap<String, CompletableFuture<SubmitResult>> inFlight = new ConcurrentHashMap<>();

    private TwilioCarrier(Builder builder) {
        this.accountSid = builder.accountSid;
        String user = builder.apiKeySid != null ? builder.apiKeySid : builder.accountSid;
        String password = builder.apiKeySid != null ? builder.apiKeySecret : builder.authToken;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.messagingServiceSid = Optional.ofNullable(builder.messagingServiceSid);
        this.messagesUri = URI.create(builder.apiBaseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        this.webhookUrl = builder.webhookUrl;
        this.mediaPublisher = builder.mediaPublisher;
        this.clock = builder.clock;
        CarrierCapabilities.Builder declared = CarrierCapabilities.builder()
                .alphanumericSenders(builder.alphanumericSenders)
                .maxSegments(builder.maxSegments)
                .messagesPerSecond(builder.messagesPerSecond)
                .submitTimeout(builder.submitTimeout);
        this.capabilities = (mediaPublisher != null ? declared.mms(MAX_MMS_BYTES) : declared.noMms()).build();
        this.client = HttpClient.newBuilder()
                .connectTimeout(builder.submitTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.webhooks = new TwilioWebhooks(accountSid, webhookUrl, new TwilioSignature(builder.authToken), clock);
    }

    /**
     * A builder with the defaults: API base URL {@code https://api.twilio.com}, no Messaging
     * Service, no media publisher (so no MMS), no alphanumeric senders, 10 segments, 10 messages per
     * second, a 10-second submit timeout, the system UTC clock.
     *
     * @return a new builder; not thread-safe
     */
    public static Builder builder() {
        return new Builder();
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
     * The webhook URL this carrier verifies signatures against and sets as each message's {@code
     * StatusCallback}; set it in the Twilio console as the number's (or Messaging Service's)
     * incoming-message webhook too.
     *
     * @return the URL, exactly as configured
     */
    public URI webhookUrl() {
        return URI.create(webhookUrl);
    }

    /**
     * Submits one message to Twilio; returns within {@link CarrierCapabilities#submitTimeout()}.
     * Thread-safe. Never throws for what Twilio or the network did: every outcome is a {@link
     * SubmitResult}.
     *
     * @param submission what to send
     * @return accepted with Twilio's message SID, or rejected permanently or transiently
     * @throws NullPointerException if {@code submission} is null
     */
    @Override
    public SubmitResult submit(OutboundSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        long deadline = System.nanoTime() + capabilities.submitTimeout().toNanos();
        String key = submission.idempotencyKey();
        Optional<SubmitResult.Accepted> known = acceptedFor(key);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<SubmitResult> refused = refuseWhatTwilioCannotCarry(submission);
        if (refused.isPresent()) {
            return refused.get();
        }
        CompletableFuture<SubmitResult> mine = new CompletableFuture<>();
        CompletableFuture<SubmitResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return awaitFirst(running, deadline);
        }
        try {
            // Checked again: the first submission of this key may have finished after the check above.
            SubmitResult result = acceptedFor(key).<SubmitResult>map(accepted -> accepted)
                    .orElseGet(() -> send(submission, deadline));
            if (result instanceof SubmitResult.Accepted accepted) {
                synchronized (acceptedKeys) {
                    acceptedKeys.put(key, accepted);
                }
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error unexpected) {
            mine.completeExceptionally(unexpected);
            throw unexpected;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * Verifies a webhook Twilio sent to {@link #webhookUrl()} and reads it. Thread-safe.
     *
     * @param request the request as the host received it
     * @return the incoming message, or the delivery report of a status callback (none for
     *     Twilio's statuses before {@code sent}: {@code queued}, {@code sending}, {@code accepted})
     * @throws WebhookRejectedException if the signature header is missing, repeated or wrong, or the
     *     request is not one of Twilio's messaging webhooks for the configured account
     */
    @Override
    public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        Objects.requireNonNull(request, "request");
        return webhooks.parse(request);
    }

    @Override
    public String toString() {
        // No credentials.
        return "TwilioCarrier[account=" + accountSid + ", messagingService=" + messagingServiceSid.orElse("none")
                + ", mms=" + capabilities.mms() + "]";
    }

    private Optional<SubmitResult.Accepted> acceptedFor(String key) {
        synchronized (acceptedKeys) {
            return Optional.ofNullable(acceptedKeys.get(key));
        }
    }

    private Optional<SubmitResult> refuseWhatTwilioCannotCarry(OutboundSubmission submission) {
        if (submission.sender().kind() == SenderKind.ALPHANUMERIC && !capabilities.alphanumericSenders()) {
            return refused(PermanentReason.SENDER_NOT_ALLOWED,
                    "alphanumeric senders are not enabled for this carrier (setting alphanumericSenders)");
        }
        if (submission.segmentCount() > capabilities.maxSegments()) {
            return refused(PermanentReason.CONTENT_REFUSED, "the text has " + submission.segmentCount()
                    + " segments; this carrier sends at most " + capabilities.maxSegments());
        }
        int characters = submission.text().codePointCount(0, submission.text().length());
        if (characters > MAX_BODY_CHARACTERS) {
            return refused(PermanentReason.CONTENT_REFUSED, "the text has " + characters
                    + " characters; Twilio takes at most " + MAX_BODY_CHARACTERS);
        }
        if (submission.isMms()) {
            if (!capabilities.mms()) {
                return refused(PermanentReason.MEDIA_NOT_SUPPORTED, "MMS through Twilio needs a MediaPublisher to"
                        + " turn attachments into URLs; build the carrier with TwilioCarrier.builder().mediaPublisher(...)");
            }
            if (submission.media().size() > TwilioWebhooks.MAX_MEDIA) {
                return refused(PermanentReason.MEDIA_NOT_SUPPORTED, submission.media().size()
                        + " attachments; Twilio takes at most " + TwilioWebhooks.MAX_MEDIA);
            }
            if (submission.mediaBytes() > capabilities.maxMmsBytes()) {
                return refused(PermanentReason.MEDIA_TOO_LARGE, "the media total " + submission.mediaBytes()
                        + " bytes; Twilio takes at most " + capabilities.maxMmsBytes());
            }
        }
        return Optional.empty();
    }

    private static Optional<SubmitResult> refused(PermanentReason reason, String why) {
        return Optional.of(SubmitResult.rejectedPermanently(reason, "", why));
    }

    private SubmitResult awaitFirst(CompletableFuture<SubmitResult> running, long deadline) {
        try {
            return running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillRunning) {
            return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "",
                    "the first submission of this idempotency key is still waiting for Twilio");
        } catch (ExecutionException failed) {
            return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                    "the first submission of this idempotency key failed: " + failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "", "interrupted");
        }
    }

    private SubmitResult send(OutboundSubmission submission, long deadline) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(pair("To", submission.recipient()));
        form.add(messagingServiceSid.isPresent()
                ? pair("MessagingServiceSid", messagingServiceSid.get())
                : pair("From", submission.sender().value()));
        if (!submission.text().isEmpty()) {
            form.add(pair("Body", submission.text()));
        }
        for (int i = 0; i < submission.media().size(); i++) {
            Optional<URI> url;
            try {
                url = mediaUrl(submission.idempotencyKey(), i, submission.media().get(i));
            } catch (RuntimeException publisherFailed) {
                return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                        "the MediaPublisher failed to publish attachment " + i + ": " + publisherFailed);
            }
            if (url.isEmpty()) {
                return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                        "the MediaPublisher returned no absolute http(s) URL for attachment " + i);
            }
            form.add(pair("MediaUrl", url.get().toString()));
        }
        form.add(pair("StatusCallback", webhookUrl));

        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "",
                    "publishing the media used up the submit timeout; nothing was sent");
        }
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(Duration.ofNanos(remaining))
                .header("Authorization", authorization)
                .header("Content-Type", FORM)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormBody.encode(form), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            // Bounds the whole exchange, body included; the request timeout alone stops at the headers.
            response = exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            exchange.cancel(true);
            return timedOut(submission);
        } catch (ExecutionException failed) {
            return networkFailure(submission, failed.getCause());
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                    "interrupted while waiting for Twilio");
        }
        SubmitResult result = answer(submission, response);
        LOG.log(System.Logger.Level.DEBUG, "Twilio answered HTTP {0} to {1}: {2}",
                response.statusCode(), submission.idempotencyKey(), result);
        return result;
    }

    private SubmitResult answer(OutboundSubmission submission, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Map<String, Object> message = Json.object(response.body()).orElse(Map.of());
            Optional<String> sid = Json.text(message, "sid").filter(text -> !text.isBlank());
            if (sid.isEmpty()) {
                // Twilio may have queued the message: a retry can duplicate it, but dropping it could lose it.
                return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "HTTP " + status,
                        "Twilio answered HTTP " + status + " without a message sid");
            }
            return SubmitResult.accepted(sid.get(), segmentsBilled(submission, message));
        }
        SubmitResult refusal = TwilioErrors.refusal(status, response.body(),
                response.headers().firstValue("Retry-After"), clock.instant());
        if (refusal instanceof SubmitResult.RejectedPermanently permanent
                && permanent.reason() == PermanentReason.ACCOUNT_REFUSED) {
            // Code only: Twilio's text may quote the recipient's number.
            LOG.log(System.Logger.Level.WARNING, "Twilio refused account {0} (HTTP {1}, code {2}); see"
                    + " https://www.twilio.com/docs/api/errors/{2}", accountSid, status, permanent.carrierCode());
        }
        return refusal;
    }

    /**
     * Twilio's {@code num_segments}, a string in its JSON; it is {@code "0"} until a Messaging
     * Service has picked a sender, and then the library's own count stands in.
     */
    private static int segmentsBilled(OutboundSubmission submission, Map<String, Object> message) {
        if (submission.isMms()) {
            return 0;
        }
        try {
            int counted = Integer.parseInt(Json.text(message, "num_segments").orElse("0"));
            return counted > 0 ? counted : submission.segmentCount();
        } catch (NumberFormatException notANumber) {
            return submission.segmentCount();
        }
    }

    private Optional<URI> mediaUrl(String key, int index, OutboundMedia media) {
        URI url = media instanceof OutboundMedia.Hosted hosted
                ? hosted.url()
                : mediaPublisher.publish(key, index, (OutboundMedia.Inline) media);
        return isHttpUrl(url) ? Optional.of(url) : Optional.empty();
    }

    private static SubmitResult timedOut(OutboundSubmission submission) {
        LOG.log(System.Logger.Level.DEBUG, "Twilio did not answer {0} in time", submission.idempotencyKey());
        return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "",
                "Twilio did not answer within the submit timeout; the message may have been queued");
    }

    private static SubmitResult networkFailure(OutboundSubmission submission, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return timedOut(submission);
        }
        if (cause instanceof IOException) {
            LOG.log(System.Logger.Level.DEBUG, "Could not reach Twilio for {0}: {1}", submission.idempotencyKey(), cause);
            return SubmitResult.rejectedTransiently(TransientReason.NETWORK_ERROR, "",
                    "could not reach Twilio: " + cause);
        }
        return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "", "calling Twilio failed: " + cause);
    }

    private static Map.Entry<String, String> pair(String name, String value) {
        return new SimpleImmutableEntry<>(name, value);
    }

    private static boolean isHttpUrl(URI url) {
        return url != null && url.isAbsolute() && url.getHost() != null
                && ("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()));
    }

    /**
     * Builds a {@link TwilioCarrier}. Each setter refuses a bad value at once with a {@link
     * CarrierConfigurationException} naming the setting (the same names as the configuration keys
     * {@link TwilioCarrierProvider} reads). Not thread-safe.
     */
    public static final class Builder {

        private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
        private static final Pattern API_KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");
        private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

        private String accountSid;
        private String authToken;
        private String apiKeySid;
        private String apiKeySecret;
        private String messagingServiceSid;
        private String webhookUrl;
        private String apiBaseUrl = DEFAULT_API_BASE_URL.toString();
        private MediaPublisher mediaPublisher;
        private Clock clock = Clock.systemUTC();
        private boolean alphanumericSenders;
        private int maxSegments = 10;
        private double messagesPerSecond = 10;
        private Duration submitTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * Sets the Twilio account SID (setting {@code accountSid}); required.
         *
         * @param value {@code AC} followed by 32 hexadecimal digits
         * @return this builder
         * @throws CarrierConfigurationException if the value does not have that shape
         */
        public Builder accountSid(String value) {
            require(value != null && ACCOUNT_SID.matcher(value).matches(), "accountSid",
                    "must be 'AC' followed by 32 hexadecimal digits (the Account SID in the Twilio console)");
            this.accountSid = value;
            return this;
        }

        /**
         * Sets the account's primary auth token (setting {@code authToken}); required, because Twilio
         * signs its webhooks with it even when the REST API is called with an API key.
         *
         * @param value the auth token
         * @return this builder
         * @throws CarrierConfigurationException if the value is blank
         */
        public Builder authToken(String value) {
            require(value != null && !value.isBlank(), "authToken", "must not be blank");
            this.authToken = value;
            return this;
        }

        /**
         * Calls the REST API with an API key instead of the auth token (settings {@code apiKeySid}
         * and {@code apiKeySecret}); optional.
         *
         * @param sid the API key's SID, {@code SK} followed by 32 hexadecimal digits
         * @param secret the API key's secret
         * @return this builder
         * @throws CarrierConfigurationException if the SID does not have that shape or the secret is blank
         */
        public Builder apiKey(String sid, String secret) {
            require(sid != null && API_KEY_SID.matcher(sid).matches(), "apiKeySid",
                    "must be 'SK' followed by 32 hexadecimal digits");
            require(secret != null && !secret.isBlank(), "apiKeySecret", "must not be blank");
            this.apiKeySid = sid;
            this.apiKeySecret = secret;
            return this;
        }

        /**
         * Sends through a Messaging Service (setting {@code messagingServiceSid}): Twilio picks the
         * sender from the service's pool, and the submission's sender is not sent. Optional.
         *
         * @param value {@code MG} followed by 32 hexadecimal digits
         * @return this builder
         * @throws CarrierConfigurationException if the value does not have that shape
         */
        public Builder messagingServiceSid(String value) {
            require(value != null && MESSAGING_SERVICE_SID.matcher(value).matches(), "messagingServiceSid",
                    "must be 'MG' followed by 32 hexadecimal digits");
            this.messagingServiceSid = value;
            return this;
        }

        /**
         * Sets the public URL of the host's webhook endpoint for this carrier (setting {@code
         * webhookUrl}); required. Twilio signs each webhook over the exact URL it requested, so this
         * must be the URL set in the Twilio console, character for character (scheme, host, port,
         * path, query), whatever proxies rewrite on the way in. It is also sent as each message's
         * {@code StatusCallback}.
         *
         * @param value an absolute http or https URL without a fragment
         * @return this builder
         * @throws CarrierConfigurationException if the URL is not absolute http(s) or has a fragment
         */
        public Builder webhookUrl(URI value) {
            require(value != null && isHttpUrl(value) && value.getRawFragment() == null, "webhookUrl",
                    "must be an absolute http or https URL without a fragment, as set in the Twilio console");
            this.webhookUrl = value.toString();
            return this;
        }

        /**
         * Sets the REST API's base URL (setting {@code apiBaseUrl}); {@code https://api.twilio.com}
         * by default. Override it for a regional edge or a test double.
         *
         * @param value an absolute http or https URL with no path, query or fragment
         * @return this builder
         * @throws CarrierConfigurationException if it is not such a URL
         */
        public Builder apiBaseUrl(URI value) {
            require(value != null && isHttpUrl(value) && value.getRawQuery() == null && value.getRawFragment() == null
                    && (value.getRawPath() == null || value.getRawPath().isEmpty() || value.getRawPath().equals("/")),
                    "apiBaseUrl", "must be an absolute http or https URL with no path, such as https://api.twilio.com");
            String text = value.toString();
            this.apiBaseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            return this;
        }

        /**
         * Enables MMS: the publisher turns attachments given as bytes into URLs Twilio fetches.
         * Without one the carrier declares no MMS and refuses media. Programmatic only.
         *
         * @param value the host's publisher, thread-safe
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder mediaPublisher(MediaPublisher value) {
            this.mediaPublisher = Objects.requireNonNull(value, "mediaPublisher");
            return this;
        }

        /**
         * Sets the clock that dates incoming messages and delivery reports (Twilio's webhooks carry
         * no time) and reads {@code Retry-After} dates. The system UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Declares whether alphanumeric sender ids are enabled on the Twilio account (setting {@code
         * alphanumericSenders}); false by default, and then such senders are refused without a request.
         *
         * @param value true if they are
         * @return this builder
         */
        public Builder alphanumericSenders(boolean value) {
            this.alphanumericSenders = value;
            return this;
        }

        /**
         * Sets the most segments one text may have (setting {@code maxSegments}); 10 by default, as
         * Twilio recommends.
         *
         * @param value 1 to 255
         * @return this builder
         * @throws CarrierConfigurationException if out of range
         */
        public Builder maxSegments(int value) {
            require(value >= 1 && value <= 255, "maxSegments", "must be between 1 and 255, was " + value);
            this.maxSegments = value;
            return this;
        }

        /**
         * Sets the submit rate the engine paces itself to (setting {@code messagesPerSecond}); 10 by
         * default. Twilio queues what a sender cannot send at once (a US long code sends one segment
         * per second, a short code a hundred), so set it to what the senders can carry.
         *
         * @param value positive and finite
         * @return this builder
         * @throws CarrierConfigurationException if not positive and finite
         */
        public Builder messagesPerSecond(double value) {
            require(value > 0 && Double.isFinite(value), "messagesPerSecond",
                    "must be positive and finite, was " + value);
            this.messagesPerSecond = value;
            return this;
        }

        /**
         * Sets how long one submission may take, media publishing and the HTTP exchange together
         * (setting {@code submitTimeoutMillis}); 10 seconds by default.
         *
         * @param value positive
         * @return this builder
         * @throws CarrierConfigurationException if zero or negative
         */
        public Builder submitTimeout(Duration value) {
            require(value != null && !value.isNegative() && !value.isZero(), "submitTimeoutMillis", "must be positive");
            this.submitTimeout = value;
            return this;
        }

        /**
         * Applies settings from a plain map, as {@link TwilioCarrierProvider} does; keys are listed
         * there. Unknown keys and malformed values are refused.
         *
         * @param configuration the settings
         * @return this builder
         * @throws CarrierConfigurationException naming the key at fault
         */
        public Builder configuration(Map<String, String> configuration) {
            TwilioConfiguration.apply(configuration, this);
            return this;
        }

        /**
         * Builds the carrier.
         *
         * @return a new carrier
         * @throws CarrierConfigurationException if {@code accountSid}, {@code authToken} or {@code
         *     webhookUrl} is missing
         */
        public TwilioCarrier build() {
            require(accountSid != null, "accountSid", "is required");
            require(authToken != null, "authToken",
                    "is required (Twilio signs webhooks with the auth token, even when an API key calls the API)");
            require(webhookUrl != null, "webhookUrl", "is required (Twilio signs each webhook over its URL)");
            return new TwilioCarrier(this);
        }

        private static void require(boolean condition, String setting, String problem) {
            if (!condition) {
                throw new CarrierConfigurationException(ID, setting, "Twilio setting '" + setting + "' " + problem);
            }
        }

        static URI uri(String setting, String value) {
            try {
                return new URI(value);
            } catch (URISyntaxException bad) {
                throw new CarrierConfigurationException(ID, setting,
                        "Twilio setting '" + setting + "' is not a URL: " + bad.getMessage(), bad);
            }
        }
    }
}
