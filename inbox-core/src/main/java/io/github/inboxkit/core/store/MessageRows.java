package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.ScheduledTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port of one aggregate of the store: the messages of conversations' threads, with what the
 * retention purge reads and deletes of them (table {@code messages} in the SQL stores). Reached
 * through {@link StoreTransaction#messages()}; every operation is scoped to the transaction's
 * account ({@link StoreTransaction#accountId()}): every read sees only that account's rows and
 * every write goes to that account. An implementation reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface MessageRows {

    /**
     * @param id a message id
     * @return the message of this account with that id
     */
    Optional<Message> findMessage(MessageId id);

    /**
     * Finds an inbound message by the carrier's id: ingestion's idempotency (F32, architecture
     * invariant 4). Carrier ids are unique among an account's inbound messages; an outbound message is found
     * through its outbox entry ({@link OutboxRows#lockOutboxEntryByCarrierId}), whose
     * carrier ids are unique per carrier.
     *
     * @param carrierMessageId the carrier's message id
     * @return the inbound message of this account with that carrier id
     */
    Optional<Message> findMessageByCarrierId(String carrierMessageId);

    /**
     * Appends a message to its conversation.
     *
     * @param message the message
     * @throws StoreConflictException if its id, its (conversation, sequence) or its carrier message
     *     id is taken in this account
     */
    void insertMessage(Message message);

    /**
     * Replaces a message's attributes.
     *
     * @param message the message
     */
    void updateMessage(Message message);

    /**
     * Reads many messages at once, as {@link #findMessage} does for one.
     *
     * <p>The default calls {@link #findMessage} for each id; a SQL store overrides it with one
     * statement.
     *
     * @param ids message ids
     * @return the messages of this account found, by id; unknown ids are absent
     */
    default Map<MessageId, Message> findMessages(Collection<MessageId> ids) {
        Map<MessageId, Message> found = new LinkedHashMap<>();
        for (MessageId id : ids) {
            findMessage(id).ifPresent(message -> found.put(id, message));
        }
        return found;
    }

    /**
     * Appends many messages to their conversations, as {@link #insertMessage} does for one.
     *
     * <p>The default calls {@link #insertMessage} for each; a SQL store sends one batch.
     *
     * @param messages the messages, in order
     * @throws StoreConflictException if an id, a (conversation, sequence) or a carrier message id
     *     is taken in this account
     */
    default void insertMessages(List<Message> messages) {
        messages.forEach(this::insertMessage);
    }

    /**
     * Replaces many messages' attributes, as {@link #updateMessage} does for one.
     *
     * <p>The default calls {@link #updateMessage} for each; a SQL store sends one batch.
     *
     * @param messages the messages
     */
    default void updateMessages(List<Message> messages) {
        messages.forEach(this::updateMessage);
    }

    /**
     * Lists a conversation's messages backwards from a position.
     *
     * @param conversation the conversation
     * @param beforeSequence list messages with a smaller sequence ({@code Long.MAX_VALUE} for the
     *     newest)
     * @param since list only messages created at or after this instant
     * @param limit the most messages to return, at least 1
     * @return the messages, sequence descending (newest first)
     */
    List<Message> listMessages(ConversationId conversation, long beforeSequence, Instant since, int limit);

    /**
     * Searches a conversation's messages (F15).
     *
     * @param conversation the conversation
     * @param lowerCaseText plain text (not a pattern), lower-cased with {@code Locale.ROOT}; matches
     *     messages whose text lower-cased contains it
     * @param since search only messages created at or after this instant
     * @param limit the most messages to return, at least 1
     * @return the matching messages, sequence descending (newest first)
     */
    List<Message> searchMessages(ConversationId conversation, String lowerCaseText, Instant since, int limit);

    /**
     * Marks every unread inbound message of a conversation read.
     *
     * @param conversation the conversation, locked by this transaction
     * @return how many messages changed
     */
    int markInboundMessagesRead(ConversationId conversation);

    /**
     * Writes outbox entries through to their thread messages (architecture invariant 3: the thread shows
     * what the outbox holds): each message takes its entry's status, carrier message id, text and
     * scheduled time; everything else about it stays. Entries whose message is gone (purged) are
     * skipped.
     *
     * <p>The default reads the messages with {@link #findMessages} and writes them back with
     * {@link #updateMessages}; a SQL store updates the four columns in one batch.
     *
     * @param entries the entries after their change
     */
    default void syncMessages(List<OutboxEntry> entries) {
        Map<MessageId, Message> messages = findMessages(entries.stream().map(OutboxEntry::messageId).toList());
        List<Message> synced = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            Message message = messages.get(entry.messageId());
            if (message != null) {
                synced.add(Message.builder().from(message)
                        .status(entry.status())
                        .carrierMessageId(entry.carrierMessageId())
                        .text(entry.text())
                        .scheduledFor(entry.scheduledFor().map(ScheduledTime::instant))
                        .build());
            }
        }
        updateMessages(synced);
    }

    /**
     * Records how deliveries moved in their thread messages: each message takes its entry's status
     * and carrier message id; everything else about it stays. Entries whose message is gone (purged)
     * are skipped. The message half of {@link StoreTransaction#updateOutboxStates}.
     *
     * <p>The default calls {@link #syncMessages}; a SQL store writes the two columns only, in one
     * batch.
     *
     * @param entries the entries after their change, their content as stored
     */
    default void syncMessageStates(List<OutboxEntry> entries) {
        syncMessages(entries);
    }

    /**
     * Lists messages the purge may delete: created before {@code createdBefore}, and not an
     * outbound message still QUEUED, SCHEDULED or SENDING. Oldest first.
     *
     * @param createdBefore the cutoff
     * @param limit the most messages, at least 1
     * @return the messages
     */
    List<Message> listPurgeableMessages(Instant createdBefore, int limit);

    /**
     * @param conversation a conversation
     * @return whether it has at least one message
     */
    boolean hasMessages(ConversationId conversation);

    /**
     * Deletes messages of one conversation; their outbox entries are the outbox's to delete ({@link
     * OutboxRows#deleteOutboxEntries}), and {@link StoreTransaction#deleteMessages} deletes both.
     *
     * @param conversation the conversation, locked by this transaction
     * @param ids the messages
     * @return how many messages were deleted
     */
    int deleteMessages(ConversationId conversation, Collection<MessageId> ids);
}
