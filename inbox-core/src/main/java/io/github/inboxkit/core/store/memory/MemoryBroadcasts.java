package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.store.BroadcastRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Broadcasts (F19) of one account in memory, with their queued recipients and skips: {@link BroadcastRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryBroadcasts extends MemoryRows implements BroadcastRows {

    /**
     * Broadcasts, their content and skips by id, and the queue of recipients by arrival (a gap left
     * by a rolled-back append is harmless). Guarded by the account's lock; every write goes through
     * the transaction's undo log.
     */
    static final class Tables {
        final Map<BroadcastId, Broadcast> broadcasts = new HashMap<>();
        final Map<BroadcastId, BroadcastContent> contents = new HashMap<>();
        final Map<BroadcastId, List<BroadcastSkip>> skips = new HashMap<>();
        final TreeMap<Long, QueuedRecipient> queued = new TreeMap<>();
        long nextQueued;

    }

    private final Tables tables;

    MemoryBroadcasts(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    @Override
    public void insertBroadcast(Broadcast broadcast, BroadcastContent content) {
        checkOpen();
        if (tables.broadcasts.containsKey(broadcast.id())) {
            throw new StoreConflictException("broadcast exists: " + broadcast.id());
        }
        put(tables.broadcasts, broadcast.id(), broadcast);
        put(tables.contents, broadcast.id(), content);
        put(tables.skips, broadcast.id(), new ArrayList<>());
    }

    @Override
    public Optional<Broadcast> findBroadcast(BroadcastId id) {
        checkOpen();
        return Optional.ofNullable(tables.broadcasts.get(id));
    }

    @Override
    public Optional<BroadcastContent> findBroadcastContent(BroadcastId id) {
        checkOpen();
        return Optional.ofNullable(tables.contents.get(id));
    }

    @Override
    public void queueBroadcastRecipients(List<QueuedRecipient> recipients) {
        checkOpen();
        for (QueuedRecipient recipient : recipients) {
            requireState(tables.broadcasts.containsKey(recipient.broadcast()), "broadcast");
            put(tables.queued, tables.nextQueued++, recipient);
        }
    }

    @Override
    public List<QueuedRecipient> takeQueuedRecipients(int limit) {
        checkOpen();
        // the account's lock is held for the whole transaction: nothing to skip
        List<Long> keys = tables.queued.keySet().stream().limit(limit).toList();
        List<QueuedRecipient> taken = new ArrayList<>(keys.size());
        for (Long key : keys) {
            taken.add(tables.queued.get(key));
            remove(tables.queued, key);
        }
        return taken;
    }

    @Override
    public long countQueuedRecipients(BroadcastId id) {
        checkOpen();
        return tables.queued.values().stream().filter(recipient -> recipient.broadcast().equals(id)).count();
    }

    @Override
    public void appendBroadcastSkips(BroadcastId id, List<BroadcastSkip> skips) {
        checkOpen();
        List<BroadcastSkip> list = tables.skips.get(id);
        requireState(list != null, "broadcast");
        for (BroadcastSkip skip : skips) {
            append(list, skip);
        }
    }

    @Override
    public List<BroadcastSkip> listBroadcastSkips(BroadcastId id) {
        checkOpen();
        return List.copyOf(tables.skips.getOrDefault(id, List.of()));
    }

    @Override
    public int deleteQueuedRecipients(PhoneNumber recipient) {
        checkOpen();
        List<Long> keys = tables.queued.entrySet().stream()
                .filter(queued -> queued.getValue().recipient().equals(recipient))
                .map(Map.Entry::getKey)
                .toList();
        keys.forEach(key -> remove(tables.queued, key));
        return keys.size();
    }

    @Override
    public int deleteBroadcastSkips(Collection<String> recipients) {
        checkOpen();
        Set<String> erased = Set.copyOf(recipients);
        int deleted = 0;
        for (Map.Entry<BroadcastId, List<BroadcastSkip>> skips : List.copyOf(tables.skips.entrySet())) {
            List<BroadcastSkip> kept = skips.getValue().stream()
                    .filter(skip -> !erased.contains(withoutSeparators(skip.recipient())))
                    .collect(Collectors.toCollection(ArrayList::new));
            if (kept.size() != skips.getValue().size()) {
                deleted += skips.getValue().size() - kept.size();
                put(tables.skips, skips.getKey(), kept);
            }
        }
        return deleted;
    }

    /** The recipient as the SQL stores compare it: without spaces, '-', '.', '(' and ')'. */
    private static String withoutSeparators(String recipient) {
        return recipient.replace(" ", "").replace("-", "").replace(".", "").replace("(", "").replace(")", "");
    }
}
