package io.github.inboxkit.core.sending;

import java.util.List;

/**
 * Where a broadcast stands (F19): how many of its messages wait, went, arrived or failed, and which
 * recipients it skipped and why. Immutable and thread-safe.
 *
 * @param broadcast the broadcast
 * @param queued messages not yet accepted by the carrier (queued or being sent)
 * @param sent messages accepted by the carrier, not yet reported delivered
 * @param delivered messages reported delivered
 * @param failed messages that failed, opted-out-at-dispatch ones included
 * @param skipped the recipients skipped when the broadcast was created
 */
public record BroadcastProgress(Broadcast broadcast, long queued, long sent, long delivered, long failed,
        List<BroadcastSkip> skipped) {

    /** Copies the list of skips. */
    public BroadcastProgress {
        skipped = List.copyOf(skipped);
    }

    /** @return whether every message has a final status */
    public boolean isComplete() {
        return queued == 0;
    }
}
