package io.github.inboxkit.carrier;

import java.net.URI;

/**
 * Publishes the bytes of an outbound MMS attachment at a URL a carrier can fetch, for carriers
 * whose API takes media by URL rather than by upload (Twilio's Messages API, for one). The host
 * provides it, backed by whatever it serves public files from (an object store with pre-signed
 * URLs, a CDN, its own HTTP server), and hands it to the carrier that needs it; a carrier that has
 * none refuses MMS with {@link PermanentReason#MEDIA_NOT_SUPPORTED} and declares no MMS in its
 * {@link CarrierCapabilities}.
 *
 * <p>Implementations must be thread-safe: carriers call them from several dispatcher threads at
 * once, inside {@link Carrier#submit}, so they count against {@link CarrierCapabilities#submitTimeout()}
 * and should return quickly.
 */
@FunctionalInterface
public interface MediaPublisher {

    /**
     * Makes one attachment fetchable at a URL.
     *
     * <p>The engine resubmits a message with the same idempotency key after a crash or a time-out,
     * so the same attachment may be published more than once; naming it from {@code
     * idempotencyKey} and {@code index} lets an implementation overwrite or reuse the first copy
     * rather than store another.
     *
     * @param idempotencyKey the idempotency key of the submission the attachment belongs to
     * @param index the attachment's position in the submission, from 0
     * @param media the attachment's bytes and media type
     * @return an absolute {@code https} (or {@code http}) URL that serves the bytes with their media
     *     type, without credentials, for as long as the carrier may fetch it (hours, not minutes: a
     *     carrier may queue a message before sending it)
     * @throws RuntimeException if the attachment cannot be published now; the carrier answers a
     *     transient rejection and the engine retries the message later
     */
    URI publish(String idempotencyKey, int index, OutboundMedia.Inline media);
}
