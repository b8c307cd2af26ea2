package io.github.inboxkit.core.snooze;

import io.github.inboxkit.core.InboxException;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * A conversation was to be snoozed until a time that is not in the future (F37). Nothing was
 * changed. The user should pick a later time.
 */
public final class SnoozeTimeInPastException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ZonedDateTime requested;
    private final Instant now;

    /**
     * Creates the exception.
     *
     * @param requested the wake time the user asked for
     * @param now the engine clock's time when it was refused
     */
    public SnoozeTimeInPastException(ZonedDateTime requested, Instant now) {
        super("Cannot snooze until " + requested + ": that time is not in the future (now "
                + now.atZone(requested.getZone()) + "). Choose a later time.");
        this.requested = requested;
        this.now = now;
    }

    /** @return the wake time the user asked for, in the zone they chose */
    public ZonedDateTime requested() {
        return requested;
    }

    /** @return the engine clock's time when the request was refused */
    public Instant now() {
        return now;
    }
}
