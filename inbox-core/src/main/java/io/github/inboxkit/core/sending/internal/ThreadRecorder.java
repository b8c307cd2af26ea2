package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.store.SendingTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records an outbound message in its thread and in the outbox, in the caller's transaction
 * (DESIGN invariants 1 and 3): the thread with the number is resumed or started (F4), a CLOSED
 * thread reopens (F3), the unread count is untouched, and the entry is QUEUED or SCHEDULED.
 * Stateless and thread-safe.
 */
final class ThreadRecorder {

    private ThreadRecorder() {}

    /**
     * What to record.
     *
     * @param recipient the number
     * @param content the checked content
     * @param sender the sender chosen
     * @param carrierId the carrier
     * @param scheduledFor the scheduled time, for a SCHEDULED message
     * @param broadcastLabel the broadcast's name, for a broadcast's message
     * @param broadcastId the broadcast, for a broadcast's message
     * @param author who wrote it
     */
    record Outbound(PhoneNumber recipient, ContentCheck.Checked content, Sender sender, String carrierId,
            Optional<ScheduledTime> scheduledFor, Optional<String> broadcastLabel, Optional<BroadcastId> broadcastId,
            Optional<UserId> author) {}

    /**
     * Appends the message to its thread and queues it.
     *
     * @param tx the transaction
     * @param outbound what to record
     * @param now the current time
     * @param events where the events go
     * @return the outbox entry
     */
    static OutboxEntry append(SendingTransaction tx, Outbound outbound, Instant now, Events events) {
        AccountId account = tx.accountId();
        MessageId messageId = MessageId.random();
        String text = outbound.content().text();
        String preview = preview(text, outbound.content().media());
        Optional<Conversation> existing = tx.lockConversationByPhone(outbound.recipient());
        Conversation conversation;
        if (existing.isEmpty()) {
            conversation = Conversation.builder()
                    .id(ConversationId.random())
                    .contactPhone(outbound.recipient())
                    .state(ConversationState.OPEN)
                    .unreadCount(0)
                    .lastActivityAt(now)
                    .lastMessagePreview(preview)
                    .lastMessageSequence(1)
                    .createdAt(now)
                    .build();
            tx.insertConversation(conversation);
            tx.adjustCounters(1, 0, 0);
        } else {
            Conversation before = existing.get();
            conversation = Conversation.builder().from(before)
                    .state(ConversationState.OPEN)
                    .lastActivityAt(now.isAfter(before.lastActivityAt()) ? now : before.lastActivityAt())
                    .lastMessagePreview(preview)
                    .lastMessageSequence(before.lastMessageSequence() + 1)
                    .build();
            tx.updateConversation(conversation);
            if (before.state() == ConversationState.CLOSED) {
                tx.adjustCounters(1, -1, 0);
                events.add(new InboxEvent.ConversationReopened(account, before.id(), true, now));
            }
        }
        MessageStatus status = outbound.scheduledFor().isPresent() ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
        List<MediaReference> media = new ArrayList<>();
        for (int i = 0; i < outbound.content().media().size(); i++) {
            media.add(new MediaReference(outbound.content().media().get(i).contentType(), "outbox:" + messageId + "/" + i));
        }
        Message message = Message.builder()
                .id(messageId)
                .conversationId(conversation.id())
                .sequence(conversation.lastMessageSequence())
                .contactPhone(outbound.recipient())
                .direction(Direction.OUTBOUND)
                .text(text)
                .media(media)
                .senderId(outbound.sender().value())
                .status(status)
                .read(true)
                .author(outbound.author())
                .broadcastLabel(outbound.broadcastLabel())
                .scheduledFor(outbound.scheduledFor().map(ScheduledTime::instant))
                .createdAt(now)
                .build();
        tx.insertMessage(message);
        OutboxEntry entry = OutboxEntry.builder()
                .messageId(messageId)
                .conversationId(conversation.id())
                .recipient(outbound.recipient())
                .status(status)
                .carrierId(outbound.carrierId())
                .sender(outbound.sender())
                .text(text)
                .media(outbound.content().media())
                .segmentCount(outbound.content().segmentCount())
                .encoding(outbound.content().encoding())
                .shiftTables(outbound.content().shiftTables())
                .attempts(0)
                .dueAt(outbound.scheduledFor().map(ScheduledTime::instant).orElse(now))
                .scheduledFor(outbound.scheduledFor())
                .broadcastId(outbound.broadcastId())
                .createdAt(now)
                .updatedAt(now)
                .build();
        tx.insertOutboxEntry(entry);
        events.add(new InboxEvent.OutboundMessageRecorded(account, conversation.id(), messageId, now));
        events.statusChanged(account, entry, now);
        return entry;
    }

    /**
     * Writes an entry's status (and carrier id) through to its thread message, in the same
     * transaction as the entry.
     *
     * @param tx the transaction
     * @param entry the entry after its change
     */
    static void syncMessage(SendingTransaction tx, OutboxEntry entry) {
        tx.findMessage(entry.messageId()).ifPresent(message -> tx.updateMessage(Message.builder().from(message)
                .status(entry.status())
                .carrierMessageId(entry.carrierMessageId())
                .text(entry.text())
                .scheduledFor(entry.scheduledFor().map(ScheduledTime::instant))
                .build()));
    }

    /**
     * Saves an entry's change and its message's, and collects the status event if it moved.
     *
     * @param tx the transaction
     * @param before the entry before
     * @param after the entry after
     * @param now when
     * @param events where the event goes
     */
    static void save(SendingTransaction tx, OutboxEntry before, OutboxEntry after, Instant now, Events events) {
        tx.updateOutboxEntry(after);
        syncMessage(tx, after);
        if (before.status() != after.status()) {
            events.statusChanged(tx.accountId(), after, now);
        }
    }

    /** The same preview as the engine's threads show for any other message. */
    private static String preview(String text, List<OutboundMedia> media) {
        if (text.isEmpty()) {
            return media.stream().anyMatch(m -> m.contentType().startsWith("image/")) ? "[image]" : "[attachment]";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= 160) {
            return flat;
        }
        int end = 160;
        if (Character.isLowSurrogate(flat.charAt(end))) {
            end--; // never cut a surrogate pair in half
        }
        return flat.substring(0, end);
    }
}
