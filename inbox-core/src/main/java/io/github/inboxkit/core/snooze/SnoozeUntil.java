package io.github.inboxkit.core.snooze;

import io.github.inboxkit.core.Require;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Until when a conversation is snoozed (F37): a time in a time zone, or until the contact replies.
 * A snooze until a time wakes at that time or earlier, on the contact's reply.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface SnoozeUntil {

    /**
     * Until a time (and earlier on the contact's reply).
     *
     * @param time when to wake, in the zone the user chose
     * @return the snooze's end
     * @throws io.github.inboxkit.core.MissingValueException if {@code time} is null
     */
    static SnoozeUntil time(ZonedDateTime time) {
        return new Time(time);
    }

    /**
     * Until a local date and time in a time zone (and earlier on the contact's reply). Where the
     * zone's clocks change, a local time that does not exist (in the gap of a spring-forward change)
     * moves forward by the length of the gap (02:30 on a day New York skips from 02:00 to 03:00 is
     * 03:30 EDT), and a local time that occurs twice (in the overlap of a fall-back change) takes
     * the earlier offset (01:30 on a day New York goes back from 02:00 to 01:00 is 01:30 EDT, the
     * first one).
     *
     * @param time when to wake, on the zone's clocks
     * @param zone the zone, usually the user's
     * @return the snooze's end
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    static SnoozeUntil time(LocalDateTime time, ZoneId zone) {
        Require.nonNull(time, "time");
        Require.nonNull(zone, "zone");
        return new Time(ZonedDateTime.ofLocal(time, zone, null));
    }

    /**
     * Until the contact sends a message, with no wake time.
     *
     * @return the snooze's end
     */
    static SnoozeUntil contactReplies() {
        return ContactReplies.INSTANCE;
    }

    /** @return the wake time; empty for a snooze until the contact replies */
    Optional<ZonedDateTime> wakeAt();

    /**
     * A snooze until a time.
     *
     * @param at the wake time, in the zone the user chose
     */
    record Time(ZonedDateTime at) implements SnoozeUntil {
        /**
         * Checks the time is present.
         *
         * @throws io.github.inboxkit.core.MissingValueException if {@code at} is null
         */
        public Time {
            Require.nonNull(at, "time");
        }

        @Override
        public Optional<ZonedDateTime> wakeAt() {
            return Optional.of(at);
        }
    }

    /** A snooze until the contact replies. */
    enum ContactReplies implements SnoozeUntil {
        /** The one value. */
        INSTANCE;

        @Override
        public Optional<ZonedDateTime> wakeAt() {
            return Optional.empty();
        }
    }
}
