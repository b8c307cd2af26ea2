package io.github.inboxkit.core.retention;

import io.github.inboxkit.core.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * What an account keeps (F1, F30): messages older than the window are purged, then conversations
 * left with no message. Opt-out records and ownership history are kept or purged as the account
 * chooses; keeping opt-outs is the default because sending to someone who said STOP is the one
 * mistake a purge must never cause.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window how long messages are kept; at least one day
 * @param keepOptOutRecords whether superseded opt-out records are kept; when false, the purge deletes
 *     those older than the window, but a number's latest record, which decides whether it may be
 *     sent to, is always kept
 * @param keepOwnershipHistory whether assignment history (F13) survives the purge of its conversation
 */
public record RetentionPolicy(Duration window, boolean keepOptOutRecords, boolean keepOwnershipHistory) {

    /** The default window of F1. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    /**
     * Checks the window.
     *
     * @throws io.github.inboxkit.core.InvalidValueException naming {@code window} if it is missing or
     *     shorter than one day
     */
    public RetentionPolicy {
        Require.nonNull(window, "window");
        Require.argument(window.compareTo(Duration.ofDays(1)) >= 0, "window", "must be at least 1 day");
    }

    /**
     * The default: 90 days, opt-out records and ownership history kept.
     *
     * @return the default policy
     */
    public static RetentionPolicy standard() {
        return new RetentionPolicy(DEFAULT_WINDOW, true, true);
    }

    /**
     * A policy with the given window, keeping opt-out records and ownership history.
     *
     * @param window how long messages are kept; at least one day
     * @return the policy
     */
    public static RetentionPolicy ofWindow(Duration window) {
        return new RetentionPolicy(window, true, true);
    }

    /**
     * The instant before which data is purged.
     *
     * @param now the current time
     * @return {@code now} minus the window
     */
    public Instant cutoff(Instant now) {
        return now.minus(window);
    }
}
