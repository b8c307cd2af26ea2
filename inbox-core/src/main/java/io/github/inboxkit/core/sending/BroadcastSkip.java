package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;


/**
 * A recipient a broadcast skipped, and why (F19). Immutable and thread-safe.
 *
 * @param recipient the recipient as the host gave it: a contact id, or a number as typed
 * @param reason why it was skipped
 */
public record BroadcastSkip(String recipient, SkipReason reason) {

    /** Checks both parts are given. */
    public BroadcastSkip {
        Require.nonNull(recipient, "recipient");
        Require.nonNull(reason, "reason");
    }

    /** Masks digits beyond the last four, so that a skip printed in a log stays private. */
    @Override
    public String toString() {
        String shown = recipient.length() <= 4 ? recipient
                : "•".repeat(recipient.length() - 4) + recipient.substring(recipient.length() - 4);
        return "BroadcastSkip[recipient=" + shown + ", reason=" + reason + "]";
    }
}
