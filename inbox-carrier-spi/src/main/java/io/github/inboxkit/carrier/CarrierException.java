package io.github.inboxkit.carrier;

/**
 * Root of the exceptions of the carrier SPI: misuse, configuration errors and refused webhooks.
 *
 * <p>It extends {@link RuntimeException} rather than InboxKit's {@code InboxException} because the
 * SPI depends on nothing beyond the JDK; the engine wraps or translates these where a user sees
 * them. Carrier-side refusals of a message are not exceptions but {@link SubmitResult} values.
 */
public abstract class CarrierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message a user or operator can act on.
     *
     * @param message what happened and what to do about it
     */
    protected CarrierException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what happened and what to do about it
     * @param cause the underlying failure
     */
    protected CarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
