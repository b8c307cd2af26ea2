package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.retention.PurgeSummary;

/** The one place the starter calls the engine's retention purge. Stateless. */
final class RetentionPurge {

    private RetentionPurge() {}

    /** Runs one purge of every account: the engine purges with or without a carrier. */
    static PurgeSummary run(InboxKit kit) {
        return kit.retention().purgeExpired();
    }
}
