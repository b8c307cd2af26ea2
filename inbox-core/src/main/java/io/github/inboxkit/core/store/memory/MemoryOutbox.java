package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.OutboxRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The outbox of one account in memory: {@link OutboxRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryOutbox extends MemoryRows implements OutboxRows {

    /**
     * The account's outbox entries, by message id and by carrier message id. Guarded by the
     * account's lock; every write goes through the transaction's undo log.
     */
    static final class Tables {
        final Map<MessageId, OutboxEntry> entries = new HashMap<>();
        final Map<String, MessageId> byCarrierId = new HashMap<>();

        boolean hasClaimable(Instant now) {
            return entries.values().stream().anyMatch(entry -> entry.isClaimable(now));
        }

    }

    private final Tables tables;

    MemoryOutbox(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    @Override
    public void insertOutboxEntry(OutboxEntry entry) {
        checkOpen();
        if (tables.entries.containsKey(entry.messageId())) {
            throw new StoreConflictException("outbox entry exists: " + entry.messageId());
        }
        putOutboxEntry(entry);
    }

    @Override
    public Optional<OutboxEntry> findOutboxEntry(MessageId id) {
        checkOpen();
        return Optional.ofNullable(tables.entries.get(id));
    }

    @Override
    public Optional<OutboxEntry> lockOutboxEntry(MessageId id) {
        // the account lock, held for the whole transaction, already excludes other writers
        return findOutboxEntry(id);
    }

    @Override
    public Optional<OutboxEntry> lockOutboxEntryByCarrierId(String carrierId, String carrierMessageId) {
        checkOpen();
        return Optional.ofNullable(tables.byCarrierId.get(carrierKey(carrierId, carrierMessageId)))
                .map(tables.entries::get);
    }

    @Override
    public List<OutboxEntry> lockClaimableOutboxEntries(Instant now, int limit) {
        checkOpen();
        return tables.entries.values().stream()
                .filter(entry -> entry.isClaimable(now))
                .sorted(Comparator.comparing(OutboxEntry::dueAt).thenComparing(OutboxEntry::messageId))
                .limit(limit)
                .toList();
    }

    @Override
    public void updateOutboxEntry(OutboxEntry entry) {
        checkOpen();
        OutboxEntry previous = tables.entries.get(entry.messageId());
        requireState(previous != null, "outbox entry");
        previous.carrierMessageId().ifPresent(id ->
                remove(tables.byCarrierId, carrierKey(previous.carrierId(), id)));
        putOutboxEntry(entry);
    }

    private void putOutboxEntry(OutboxEntry entry) {
        put(tables.entries, entry.messageId(), entry);
        entry.carrierMessageId().ifPresent(id ->
                put(tables.byCarrierId, carrierKey(entry.carrierId(), id), entry.messageId()));
    }

    @Override
    public List<OutboxEntry> listScheduledOutboxEntries(int limit) {
        return scheduled(entry -> true, limit);
    }

    @Override
    public List<OutboxEntry> listScheduledOutboxEntries(ConversationId conversation, int limit) {
        return scheduled(entry -> entry.conversationId().equals(conversation), limit);
    }

    private List<OutboxEntry> scheduled(Predicate<OutboxEntry> filter, int limit) {
        checkOpen();
        return tables.entries.values().stream()
                .filter(entry -> entry.status() == MessageStatus.SCHEDULED && filter.test(entry))
                .sorted(Comparator.comparing(OutboxEntry::dueAt).thenComparing(OutboxEntry::messageId))
                .limit(limit)
                .toList();
    }

    @Override
    public Map<MessageStatus, Long> countOutboxEntriesByStatus(BroadcastId id) {
        checkOpen();
        Map<MessageStatus, Long> counts = new java.util.EnumMap<>(MessageStatus.class);
        for (OutboxEntry entry : tables.entries.values()) {
            if (entry.broadcastId().filter(id::equals).isPresent()) {
                counts.merge(entry.status(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public int deleteOutboxEntries(ConversationId conversation, Collection<MessageId> ids) {
        checkOpen();
        int deleted = 0;
        for (MessageId id : ids) {
            OutboxEntry entry = tables.entries.get(id);
            if (entry != null && entry.conversationId().equals(conversation)) {
                remove(tables.entries, id);
                entry.carrierMessageId().ifPresent(carrierId ->
                        remove(tables.byCarrierId, carrierKey(entry.carrierId(), carrierId)));
                deleted++;
            }
        }
        return deleted;
    }

    /** The stored entry of a message, for the transaction's conditional record; no copy. */
    OutboxEntry stored(MessageId id) {
        return tables.entries.get(id);
    }

    static String carrierKey(String carrierId, String carrierMessageId) {
        return carrierId + '\u0000' + carrierMessageId;
    }
}
