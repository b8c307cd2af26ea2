package io.github.inboxkit.carrier;

import java.util.Objects;

/**
 * A carrier refused a webhook request as not authentic or not well formed; nothing of the request
 * was accepted. A host answers such a request with an HTTP 4xx status (401 for {@link
 * Reason#SIGNATURE_MISSING}, {@link Reason#SIGNATURE_INVALID} and {@link Reason#STALE}, 400 for
 * {@link Reason#MALFORMED}) and records nothing. The message never contains the request's body (it may hold personal data).
 */
public final class WebhookRejectedException extends CarrierException {

    private static final long serialVersionUID = 1L;

    /** Why a webhook was refused. */
    public enum Reason {
        /** The request carries no signature or shared secret. */
        SIGNATURE_MISSING,
        /** The signature or shared secret does not match: forged or tampered. */
        SIGNATURE_INVALID,
        /** The signed timestamp is outside the carrier's tolerance: a replay or a badly skewed clock. */
        STALE,
        /** The method, content type or body is not what the carrier sends. */
        MALFORMED
    }

    /** Why the request was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the request was refused
     * @param message details an operator can act on, without the body's content
     */
    public WebhookRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param reason why the request was refused
     * @param message details an operator can act on, without the body's content
     * @param cause the underlying parse failure
     */
    public WebhookRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the request was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
