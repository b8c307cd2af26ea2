package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.Require;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a scheduled message is due (F27): the instant it goes, plus the time zone the user chose,
 * so that the time shows back to the user as they entered it even if zone rules or the viewer's
 * zone differ.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instant the moment the message is due
 * @param zone the zone the user chose the time in
 */
public record ScheduledTime(Instant instant, ZoneId zone) {

    /** Checks that both parts are given. */
    public ScheduledTime {
        Require.nonNull(instant, "instant");
        Require.nonNull(zone, "zone");
    }

    /**
     * Takes a user's chosen date, time and zone.
     *
     * @param dateTime the date and time with its zone
     * @return the same moment with the zone kept
     */
    public static ScheduledTime of(ZonedDateTime dateTime) {
        Require.nonNull(dateTime, "dateTime");
        return new ScheduledTime(dateTime.toInstant(), dateTime.getZone());
    }

    /**
     * The due time as the user chose it.
     *
     * @return the instant in the chosen zone
     */
    public ZonedDateTime toZonedDateTime() {
        return instant.atZone(zone);
    }
}
