package io.github.inboxkit.core.retention;

import io.github.inboxkit.core.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * What an account keeps (F1, F30): messages older than the window are purged, then conversations
 * left with no message. The consent ledger (opt-out and opt-in records, F43) and ownership history
 * are kept or purged as the account chooses; keeping the ledger is the default because sending to
 * someone who said STOP is the one mistake a purge must never cause, and because the ledger is the
 * proof of consent. The ledger has its own window, never the inbox's: when it is not kept, the
 * purge deletes superseded entries older than {@code consentLedgerWindow} (four years by default,
 * the retention the industry's guidance asks of proof of consent), and a number's latest entry,
 * which decides whether it may be sent to, never.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window how long messages are kept; at least one day
 * @param keepOptOutRecords whether superseded consent-ledger entries are kept; when false, the purge
 *     deletes those older than {@code consentLedgerWindow}, but a number's latest entry, which
 *     decides whether it may be sent to, is always kept
 * @param keepOwnershipHistory whether assignment history (F13) survives the purge of its conversation
 * @param consentLedgerWindow how long superseded consent-ledger entries are kept when {@code
 *     keepOptOutRecords} is false; at least one day, {@link #DEFAULT_CONSENT_LEDGER_WINDOW} by default
 */
public record RetentionPolicy(Duration window, boolean keepOptOutRecords, boolean keepOwnershipHistory,
        Duration consentLedgerWindow) {

    /** The default window of F1. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    /** The consent ledger's default window (F43): four years, leap day included. */
    public static final Duration DEFAULT_CONSENT_LEDGER_WINDOW = Duration.ofDays(4 * 365 + 1);

    /**
     * Checks the window.
     *
     * @throws io.github.inboxkit.core.InvalidValueException naming {@code window} if it is missing or
     *     shorter than one day
     */
    public RetentionPolicy {
        Require.nonNull(window, "window");
        Require.argument(window.compareTo(Duration.ofDays(1)) >= 0, "window", "must be at least 1 day");
        Require.nonNull(consentLedgerWindow, "consentLedgerWindow");
        Require.argument(consentLedgerWindow.compareTo(Duration.ofDays(1)) >= 0, "consentLedgerWindow",
                "must be at least 1 day");
    }

    /**
     * A policy with the consent ledger's default window (four years).
     *
     * @param window how long messages are kept; at least one day
     * @param keepOptOutRecords whether superseded consent-ledger entries are kept
     * @param keepOwnershipHistory whether assignment history survives the purge of its conversation
     * @throws io.github.inboxkit.core.InvalidValueException naming {@code window} if it is missing or
     *     shorter than one day
     */
    public RetentionPolicy(Duration window, boolean keepOptOutRecords, boolean keepOwnershipHistory) {
        this(window, keepOptOutRecords, keepOwnershipHistory, DEFAULT_CONSENT_LEDGER_WINDOW);
    }

    /**
     * The default: 90 days, the consent ledger and ownership history kept.
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

    /**
     * The instant before which superseded consent-ledger entries are purged, when they are not kept.
     *
     * @param now the current time
     * @return {@code now} minus the consent ledger's window
     */
    public Instant consentLedgerCutoff(Instant now) {
        return now.minus(consentLedgerWindow);
    }
}
