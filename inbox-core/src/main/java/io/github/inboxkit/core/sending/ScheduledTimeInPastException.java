package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A message was scheduled, or rescheduled, for a time that is not in the future (F27). Nothing was
 * stored or changed. The user should pick a later time or send the message now.
 */
public final class ScheduledTimeInPastException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ZonedDateTime requested;
    private final Instant now;

    /**
     * Creates the exception.
     *
     * @param requested the time the user asked for
     * @param now the engine clock's time when it was refused
     */
    public ScheduledTimeInPastException(ZonedDateTime requested, Instant now) {
        super("Cannot schedule a message for " + requested + ": that time is not in the future (now "
                + now.atZone(requested.getZone()) + "). Choose a later time, or send it now.");
        this.requested = requested;
        this.now = now;
    }

    /** @return the time the user asked for, in the zone they chose */
    public ZonedDateTime requested() {
        return requested;
    }

    /** @return the engine clock's time when the request was refused */
    public Instant now() {
        return now;
    }
}
