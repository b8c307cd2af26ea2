package io.github.inboxkit.carrier;

import java.util.Optional;

/**
 * A connection to one SMS/MMS carrier (an aggregator, an operator's API, or the simulator): submits
 * outbound messages and turns the carrier's webhooks into inbound messages and delivery reports.
 *
 * <h2>Contract the engine relies on (checked by the conformance kit)</h2>
 * <ul>
 *   <li><b>Thread safety.</b> Implementations must be thread-safe: {@link #submit} and {@link
 *       #parseWebhook} are called concurrently, from several dispatcher threads and from the host's
 *       HTTP threads, on one instance.
 *   <li><b>Outcomes are values.</b> {@link #submit} reports everything the carrier decided (invalid
 *       number, recipient opted out at the carrier, content refused, rate limited, carrier down) as a
 *       {@link SubmitResult}, never as an exception. An exception or error that escapes {@code
 *       submit} anyway is treated by the engine as a transient failure ({@link
 *       TransientReason#UNEXPECTED_ERROR}) and retried, which may cost a duplicate send if the
 *       carrier had in fact accepted the message; only a {@link VirtualMachineError} ends the
 *       engine's dispatcher step instead.
 *   <li><b>Time-outs.</b> {@link #submit} returns within {@link CarrierCapabilities#submitTimeout()}:
 *       when the carrier does not answer in time it returns {@link SubmitResult.RejectedTransiently}
 *       with {@link TransientReason#TIMEOUT}. It must not block indefinitely: the engine stops
 *       waiting at the timeout anyway, retries the message later, and interrupts the call's thread.
 *   <li><b>Idempotency.</b> {@link OutboundSubmission#idempotencyKey()} is the library's message id;
 *       the engine resubmits with the same key after a crash or a time-out. A carrier passes the key
 *       to its API (or deduplicates itself) so that a repeat does not send a second message, and
 *       answers a repeat with the first carrier message id. A carrier whose API cannot do that,
 *       but can find an earlier submission by its key, offers {@link #submissionLookup()}: the
 *       engine then asks before submitting a message again.
 *   <li><b>Capabilities are honoured.</b> A submission the carrier cannot carry (media when {@link
 *       CarrierCapabilities#mms()} is false, an alphanumeric sender when not allowed) is answered
 *       with {@link SubmitResult.RejectedPermanently}, not sent and not thrown.
 *   <li><b>Webhooks are authenticated and parsed wholly.</b> {@link #parseWebhook} verifies the
 *       request's signature or shared secret before reading it, and refuses a forged, stale or
 *       malformed request with {@link WebhookRejectedException}; it never returns a half-parsed
 *       payload. Parsing the same request twice gives the same payload, so the engine can drop the
 *       repeat by carrier message id.
 * </ul>
 */
public interface Carrier {

    /**
     * The carrier's id, as used in configuration and by {@link CarrierProvider#id()}.
     *
     * @return a non-blank, stable id such as {@code "simulator"}
     */
    String id();

    /**
     * What this carrier can carry and how fast; constant for the life of the instance.
     *
     * @return the declared capabilities, never {@code null}
     */
    CarrierCapabilities capabilities();

    /**
     * Submits one outbound message to the carrier. Thread-safe; returns within {@link
     * CarrierCapabilities#submitTimeout()}.
     *
     * @param submission what to send, already validated by the library
     * @return exactly one of accepted, rejected permanently or rejected transiently; never {@code null}
     */
    SubmitResult submit(OutboundSubmission submission);

    /**
     * The carrier's optional ability to find an earlier submission by its idempotency key (see
     * {@link SubmissionLookup}). The default has none: the engine then relies on the carrier to
     * deduplicate a repeated key, and a carrier that does not may send a retried message twice.
     *
     * @return the lookup, or empty when the carrier cannot find submissions; constant for the life
     *     of the instance
     */
    default Optional<SubmissionLookup> submissionLookup() {
        return Optional.empty();
    }

    /**
     * Authenticates a raw HTTP request the carrier sent to the host and turns it into inbound
     * messages and/or delivery reports. Thread-safe and free of side effects on the carrier's state.
     *
     * @param request the request as the host's HTTP server received it
     * @return the messages and reports the request carries, all of them
     * @throws WebhookRejectedException if the request is not authentic (missing or wrong signature,
     *     outside the replay tolerance) or not well formed; nothing of it is returned then
     */
    WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException;
}
