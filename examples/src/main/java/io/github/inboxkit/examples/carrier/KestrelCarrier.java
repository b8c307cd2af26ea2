package io.github.inboxkit.examples.carrier;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Objects;

/**
 * A carrier adapter for Kestrel SMS, a fictional HTTP carrier, written as a vendor would write one.
 *
 * <p>It declares what Kestrel carries (MMS up to 500 KB when the account has it, no alphanumeric
 * senders, 10 segments, 30 messages per second), refuses locally what Kestrel would refuse anyway
 * (saving a round trip), passes the idempotency key in an {@code Idempotency-Key} header, maps
 * HTTP answers to {@link SubmitResult}s and I/O failures to transient rejections, and verifies
 * Kestrel's webhook signature before parsing. Thread-safe: {@link HttpClient} is, and the rest is
 * immutable.
 */
public final class KestrelCarrier implements Carrier {

    /** The carrier id used in configuration. */
    public static final String ID = "kestrel";

    private final KestrelSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final CarrierCapabilities capabilities;

    /**
     * Creates an adapter.
     *
     * @param settings where Kestrel is and how to authenticate
     * @param clock the clock webhook timestamps are judged by
     */
    public KestrelCarrier(KestrelSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        CarrierCapabilities.Builder declared = CarrierCapabilities.builder()
                .alphanumericSenders(false).maxSegments(10).messagesPerSecond(30)
                // Connecting and answering each have the time-out, so a submit returns within twice it.
                .submitTimeout(settings.timeout().multipliedBy(2));
        this.capabilities = (settings.mms() ? declared.mms(500_000) : declared.noMms()).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CarrierCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SubmitResult submit(OutboundSubmission submission) {
        SubmitResult refusedLocally = refuseWhatKestrelCannotCarry(submission);
        if (refusedLocally != null) {
            return refusedLocally;
        }
        try {
            HttpResponse<byte[]> response = client.send(KestrelProtocol.submitRequest(settings, submission),
                    HttpResponse.BodyHandlers.ofByteArray());
            return KestrelProtocol.submitResult(response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.body());
        } catch (HttpTimeoutException timeout) {
            return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "", "Kestrel did not answer in time");
        } catch (IOException network) {
            return SubmitResult.rejectedTransiently(TransientReason.NETWORK_ERROR, "",
                    "cannot reach Kestrel: " + network.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "", "interrupted while waiting for Kestrel");
        }
    }

    private SubmitResult refuseWhatKestrelCannotCarry(OutboundSubmission submission) {
        if (submission.isMms() && !capabilities.mms()) {
            return SubmitResult.rejectedPermanently(PermanentReason.MEDIA_NOT_SUPPORTED, "media_unsupported",
                    "this Kestrel account carries no MMS");
        }
        if (submission.mediaBytes() > capabilities.maxMmsBytes() && submission.isMms()) {
            return SubmitResult.rejectedPermanently(PermanentReason.MEDIA_TOO_LARGE, "media_too_large",
                    "Kestrel takes at most " + capabilities.maxMmsBytes() + " bytes of media");
        }
        if (submission.sender().kind() == SenderKind.ALPHANUMERIC) {
            return SubmitResult.rejectedPermanently(PermanentReason.SENDER_NOT_ALLOWED, "sender_not_allowed",
                    "Kestrel does not send from alphanumeric ids");
        }
        if (submission.segmentCount() > capabilities.maxSegments()) {
            return SubmitResult.rejectedPermanently(PermanentReason.CONTENT_REFUSED, "too_long",
                    "Kestrel takes at most " + capabilities.maxSegments() + " segments");
        }
        return null;
    }

    @Override
    public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
        return KestrelProtocol.parseWebhook(request, settings.webhookSecret(), clock);
    }
}
