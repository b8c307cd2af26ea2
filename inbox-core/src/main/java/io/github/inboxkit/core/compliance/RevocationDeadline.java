package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.Require;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The deadline to honour a revocation of consent (F44): ten business days after the message that
 * revoked it. A business day is Monday to Friday on the wall clock of the given zone; holidays are
 * not skipped (which only brings the deadline earlier than a holiday calendar would, the safe side).
 * The deadline keeps the message's local time of day: a revocation at 15:00 on a Wednesday is due
 * at 15:00 on the Wednesday two weeks later; one sent on a Saturday is due at the same time of day
 * on the second Friday after it.
 *
 * <p>Stateless and thread-safe.
 */
public final class RevocationDeadline {

    /** The business days the rule allows to honour a revocation. */
    public static final int BUSINESS_DAYS = 10;

    private RevocationDeadline() {}

    /**
     * The deadline of a revocation received at an instant.
     *
     * @param received when the revoking message arrived
     * @param zone the zone whose weekdays count
     * @return {@value #BUSINESS_DAYS} business days later, at the same local time
     * @throws io.github.inboxkit.core.MissingValueException if an argument is missing
     */
    public static Instant after(Instant received, ZoneId zone) {
        Require.nonNull(received, "received");
        Require.nonNull(zone, "zone");
        ZonedDateTime day = received.atZone(zone);
        int counted = 0;
        while (counted < BUSINESS_DAYS) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day.toInstant();
    }
}
