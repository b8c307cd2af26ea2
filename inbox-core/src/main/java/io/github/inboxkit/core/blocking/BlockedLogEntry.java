package io.github.inboxkit.core.blocking;

import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.Require;
import java.time.Instant;

/**
 * What the blocked log knows of one number (F38): how many inbound messages from it were turned
 * away while it was blocked, and when the first and the last of them arrived, within the account's
 * retention window. Neither the messages' text nor their media is kept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param phone the number
 * @param count how many inbound messages, each carrier message counted once however often delivered
 * @param firstSeen when the first of them arrived
 * @param lastSeen when the last of them arrived
 */
public record BlockedLogEntry(PhoneNumber phone, long count, Instant firstSeen, Instant lastSeen) {

    /** Checks the values. */
    public BlockedLogEntry {
        Require.nonNull(phone, "phone");
        Require.nonNull(firstSeen, "firstSeen");
        Require.nonNull(lastSeen, "lastSeen");
        Require.argument(count >= 1, "count", "must be at least 1");
        Require.argument(!lastSeen.isBefore(firstSeen), "lastSeen", "must not be before firstSeen");
    }
}
