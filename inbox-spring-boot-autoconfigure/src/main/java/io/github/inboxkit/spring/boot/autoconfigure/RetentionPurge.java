package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.sending.PurgeSummary;
import io.github.inboxkit.core.sending.SendingNotConfiguredException;

/** The one place the starter calls the engine's retention purge. Stateless. */
final class RetentionPurge {

    private RetentionPurge() {}

    /** Whether the engine can purge: today the purge belongs to the sending side, which needs a carrier. */
    static boolean available(InboxKit kit) {
        try {
            kit.sending();
            return true;
        } catch (SendingNotConfiguredException noCarrier) {
            return false;
        }
    }

    static PurgeSummary run(InboxKit kit) {
        return kit.sending().purgeExpired();
    }
}
