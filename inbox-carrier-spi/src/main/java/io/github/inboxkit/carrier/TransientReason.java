package io.github.inboxkit.carrier;

/**
 * Standard reasons for which a carrier could not take a message now; the engine retries with
 * back-off, honouring a retry-after when the carrier gives one.
 */
public enum TransientReason {
    /** The carrier asks the sender to slow down (e.g. HTTP 429). */
    RATE_LIMITED,
    /** The carrier is down or overloaded (e.g. HTTP 5xx). */
    CARRIER_UNAVAILABLE,
    /** The carrier did not answer within {@link CarrierCapabilities#submitTimeout()}. */
    TIMEOUT,
    /** The connection failed (DNS, TCP, TLS). */
    NETWORK_ERROR,
    /** The carrier implementation failed unexpectedly; the engine uses this for an escaped exception. */
    UNEXPECTED_ERROR
}
