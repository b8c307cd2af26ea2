package io.github.inboxkit.core.sending;

import java.util.List;

/**
 * What creating a broadcast did (F19). Immutable and thread-safe.
 *
 * @param broadcast the broadcast
 * @param queued how many messages were queued, one per recipient kept
 * @param skipped the recipients skipped, with the reason
 */
public record BroadcastResult(Broadcast broadcast, int queued, List<BroadcastSkip> skipped) {

    /** Copies the list of skips. */
    public BroadcastResult {
        skipped = List.copyOf(skipped);
    }
}
