package io.github.inboxkit.carrier;

import java.util.Optional;

/**
 * An optional capability of a {@link Carrier}: telling what became of an earlier submission, by
 * its {@linkplain OutboundSubmission#idempotencyKey() idempotency key}, without sending anything.
 * A carrier that can answer this (its API stores the key, or lets the adapter find a message by a
 * tag it attached) returns it from {@link Carrier#submissionLookup()}.
 *
 * <p>The engine asks before it submits a message again that an earlier attempt may already have
 * handed to the carrier: one claimed again after its lease ran out (the node died, or could not
 * record the carrier's answer in time), or one whose earlier call timed out or failed
 * unexpectedly. When the lookup finds the message, the engine records the earlier answer instead
 * of submitting a second time. For a carrier whose API ignores idempotency keys, this is the only
 * way such a retry cannot become a second text to the same person.
 *
 * <h2>Contract (checked by the conformance kit where the carrier declares the capability)</h2>
 * <ul>
 *   <li>A key whose submission the carrier accepted is found: {@link SubmitResult.Accepted} with
 *       the carrier message id it answered then.
 *   <li>A key never submitted, or only refused transiently, is not found: {@link Optional#empty()},
 *       and the engine then submits.
 *   <li>A key refused for good is either not found or found as that {@link
 *       SubmitResult.RejectedPermanently}; never {@code Accepted}.
 *   <li>When the carrier cannot tell now (its API is down or slow), the answer is {@link
 *       SubmitResult.RejectedTransiently}: the engine submits nothing and asks again later. The
 *       lookup returns within {@link CarrierCapabilities#submitTimeout()} and does not throw for
 *       what the carrier decided.
 *   <li>A submission that returned {@code Accepted} is found by a lookup that starts after it
 *       returned (read-your-writes); a submission still in flight, or one the carrier accepted
 *       after its call timed out, may not be found yet.
 * </ul>
 *
 * <p>Implementations are thread-safe: the engine looks up from several dispatcher threads at once.
 */
@FunctionalInterface
public interface SubmissionLookup {

    /**
     * Finds what the carrier decided for the submission with this idempotency key, sending nothing.
     *
     * @param idempotencyKey the key of an earlier {@link Carrier#submit}
     * @return the accepted (or permanently refused) submission, a transient refusal when the
     *     carrier cannot tell now, or empty when the carrier has no such submission; never {@code null}
     */
    Optional<SubmitResult> findSubmission(String idempotencyKey);
}
