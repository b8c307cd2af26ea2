package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes queued broadcast recipients' copies into their threads and the outbox (F19), in the
 * dispatcher's step: creating a broadcast only checks and queues its recipients, so that it takes
 * about 1.5 s for 100,000 of them on PostgreSQL; each copy is then written as a single send's
 * would be, QUEUED, before any dispatcher can claim it. Whether the contact opted out in between
 * is the claim's to check (architecture invariant 5), as for every queued message. Stateless and
 * thread-safe.
 */
final class BroadcastCopies {

    private BroadcastCopies() {}

    /** What every copy of one broadcast shares. */
    private record Shared(Broadcast broadcast, BroadcastContent content) {}

    /**
     * Takes up to {@code limit} recipients from the front of the account's queue and writes their
     * copies, in the caller's transaction: taken and written commit together, or neither does.
     *
     * @param tx the transaction
     * @param limit the most copies
     * @param now the current time
     * @param step the attempt of the unit of work, which collects the events
     * @return how many copies were written
     */
    static int write(StoreTransaction tx, int limit, Instant now, Step step) {
        List<QueuedRecipient> taken = tx.broadcasts().takeQueuedRecipients(limit);
        Map<BroadcastId, Shared> shared = new HashMap<>();
        List<ThreadRecorder.Outbound> outbounds = new ArrayList<>(taken.size());
        for (QueuedRecipient recipient : taken) {
            Shared copy = shared.computeIfAbsent(recipient.broadcast(), id -> shared(tx, id));
            BroadcastContent content = copy.content();
            outbounds.add(new ThreadRecorder.Outbound(recipient.recipient(), content,
                    recipient.sender(), content.carrierId(), Optional.empty(), Optional.of(copy.broadcast().name()),
                    Optional.of(copy.broadcast().id()), content.author(), content.category()));
        }
        for (List<ThreadRecorder.Outbound> round : rounds(outbounds)) {
            ThreadRecorder.appendAll(tx, round, now, step);
        }
        return taken.size();
    }

    private static Shared shared(StoreTransaction tx, BroadcastId id) {
        // the store keeps a broadcast with its content and queues recipients only of inserted ones
        Broadcast broadcast = tx.broadcasts().findBroadcast(id)
                .orElseThrow(() -> new IllegalStateException("the store queued a recipient of broadcast " + id
                        + ", which it does not have"));
        BroadcastContent content = tx.broadcasts().findBroadcastContent(id)
                .orElseThrow(() -> new IllegalStateException("the store has no content for broadcast " + id));
        return new Shared(broadcast, content);
    }

    /**
     * Splits the copies so that each round has a number at most once (two broadcasts may queue the
     * same number), keeping each number's copies in queue order.
     */
    static List<List<ThreadRecorder.Outbound>> rounds(List<ThreadRecorder.Outbound> outbounds) {
        List<List<ThreadRecorder.Outbound>> rounds = new ArrayList<>();
        Map<PhoneNumber, Integer> seen = new HashMap<>();
        for (ThreadRecorder.Outbound outbound : outbounds) {
            int round = seen.merge(outbound.recipient(), 0, (before, zero) -> before + 1);
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(outbound);
        }
        return rounds;
    }
}
