package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.MessageRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The messages of one account's threads in memory: {@link MessageRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryMessages extends MemoryRows implements MessageRows {

    /**
     * Messages by id, each conversation's thread by sequence, and inbound messages by carrier id.
     * Guarded by the account's lock; every write goes through the transaction's undo log.
     */
    static final class Tables {
        final Map<ConversationId, TreeMap<Long, MessageId>> messagesByConversation = new HashMap<>();
        final Map<MessageId, Message> messages = new HashMap<>();
        final Map<String, MessageId> messageByCarrierId = new HashMap<>();

    }

    private final Tables tables;

    MemoryMessages(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- messages -----

    @Override
    public Optional<Message> findMessage(MessageId id) {
        checkOpen();
        return Optional.ofNullable(tables.messages.get(id));
    }

    /** The carrier ids that are unique and looked up: inbound messages' (ingestion's idempotency). */
    private static Optional<String> inboundCarrierId(Message message) {
        return message.direction() == Direction.INBOUND ? message.carrierMessageId() : Optional.empty();
    }

    @Override
    public Optional<Message> findMessageByCarrierId(String carrierMessageId) {
        checkOpen();
        return Optional.ofNullable(tables.messageByCarrierId.get(carrierMessageId)).map(tables.messages::get);
    }

    @Override
    public void insertMessage(Message message) {
        checkOpen();
        TreeMap<Long, MessageId> thread = tables.messagesByConversation.get(message.conversationId());
        if (thread == null) {
            requireState(tx.conversations().findConversation(message.conversationId()).isPresent(), "conversation");
            thread = new TreeMap<>();
        }
        if (tables.messages.containsKey(message.id())
                || thread.containsKey(message.sequence())
                || inboundCarrierId(message).map(tables.messageByCarrierId::containsKey).orElse(false)) {
            throw new StoreConflictException("message id, sequence or carrier message id taken");
        }
        put(tables.messages, message.id(), message);
        if (thread.isEmpty()) {
            put(tables.messagesByConversation, message.conversationId(), thread);
        }
        put(thread, message.sequence(), message.id());
        inboundCarrierId(message).ifPresent(id -> put(tables.messageByCarrierId, id, message.id()));
    }

    @Override
    public void updateMessage(Message message) {
        checkOpen();
        Message previous = tables.messages.get(message.id());
        requireState(previous != null, "message");
        if (!previous.conversationId().equals(message.conversationId())
                || previous.sequence() != message.sequence()) {
            throw new IllegalArgumentException("a message never moves to another conversation or position");
        }
        Optional<String> carrierId = inboundCarrierId(message);
        if (!inboundCarrierId(previous).equals(carrierId)) {
            if (carrierId.map(tables.messageByCarrierId::containsKey).orElse(false)) {
                throw new StoreConflictException("carrier message id taken");
            }
            inboundCarrierId(previous).ifPresent(id -> remove(tables.messageByCarrierId, id));
            carrierId.ifPresent(id -> put(tables.messageByCarrierId, id, message.id()));
        }
        put(tables.messages, message.id(), message);
    }

    @Override
    public List<Message> listMessages(ConversationId conversation, long beforeSequence, Instant since, int limit) {
        return messagesNewestFirst(conversation, beforeSequence, since, message -> true, limit);
    }

    @Override
    public List<Message> searchMessages(ConversationId conversation, String lowerCaseText, Instant since, int limit) {
        return messagesNewestFirst(conversation, Long.MAX_VALUE, since,
                message -> message.text().toLowerCase(Locale.ROOT).contains(lowerCaseText), limit);
    }

    private List<Message> messagesNewestFirst(
            ConversationId conversation, long beforeSequence, Instant since, Predicate<Message> filter, int limit) {
        checkOpen();
        TreeMap<Long, MessageId> thread = tables.messagesByConversation.get(conversation);
        if (thread == null) {
            return List.of();
        }
        List<Message> found = new ArrayList<>();
        for (MessageId id : thread.headMap(beforeSequence, false).descendingMap().values()) {
            Message message = tables.messages.get(id);
            if (!message.createdAt().isBefore(since) && filter.test(message)) {
                found.add(message);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public int markInboundMessagesRead(ConversationId conversation) {
        checkOpen();
        TreeMap<Long, MessageId> thread = tables.messagesByConversation.getOrDefault(conversation, new TreeMap<>());
        int changed = 0;
        for (MessageId id : thread.values()) {
            Message message = tables.messages.get(id);
            if (message.direction() == Direction.INBOUND && !message.read()) {
                put(tables.messages, id, Message.builder().from(message).read(true).build());
                changed++;
            }
        }
        return changed;
    }
    @Override
    public List<Message> listPurgeableMessages(Instant createdBefore, int limit) {
        checkOpen();
        return tables.messages.values().stream()
                .filter(message -> message.createdAt().isBefore(createdBefore)
                        && !OutboxEntry.PENDING.contains(message.status()))
                .sorted(Comparator.comparing(Message::createdAt).thenComparing(Message::id))
                .limit(limit)
                .toList();
    }

    @Override
    public int deleteMessages(ConversationId conversation, Collection<MessageId> ids) {
        checkOpen();
        TreeMap<Long, MessageId> thread = tables.messagesByConversation.get(conversation);
        int deleted = 0;
        for (MessageId id : ids) {
            Message message = tables.messages.get(id);
            if (message == null || thread == null || !message.conversationId().equals(conversation)) {
                continue;
            }
            remove(tables.messages, id);
            remove(thread, message.sequence());
            inboundCarrierId(message).ifPresent(carrierId -> remove(tables.messageByCarrierId, carrierId));
            deleted++;
        }
        if (thread != null && thread.isEmpty()) {
            // the thread of a conversation without messages is not kept: insertMessage makes it again
            remove(tables.messagesByConversation, conversation);
        }
        return deleted;
    }

    @Override
    public boolean hasMessages(ConversationId conversation) {
        checkOpen();
        TreeMap<Long, MessageId> thread = tables.messagesByConversation.get(conversation);
        return thread != null && !thread.isEmpty();
    }
}
