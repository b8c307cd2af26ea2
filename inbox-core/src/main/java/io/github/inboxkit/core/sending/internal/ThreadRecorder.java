package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.MessageContent;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records an outbound message in its thread and in the outbox, in the caller's transaction
 * (architecture invariants 1 and 3): the thread with the number is resumed or started (F4), a CLOSED
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
     * @param category the message's category (F41 quiet hours, F42 replies)
     */
    record Outbound(PhoneNumber recipient, MessageContent content, Sender sender, String carrierId,
            Optional<ScheduledTime> scheduledFor, Optional<String> broadcastLabel, Optional<BroadcastId> broadcastId,
            Optional<UserId> author, MessageCategory category) {

        /** A conversational message: what a host sends. */
        Outbound(PhoneNumber recipient, MessageContent content, Sender sender, String carrierId,
                Optional<ScheduledTime> scheduledFor, Optional<String> broadcastLabel, Optional<BroadcastId> broadcastId,
                Optional<UserId> author) {
            this(recipient, content, sender, carrierId, scheduledFor, broadcastLabel, broadcastId, author,
                    MessageCategory.CONVERSATIONAL);
        }
    }

    /**
     * Appends the message to its thread and queues it: {@link #appendAll} for one.
     *
     * @param tx the transaction
     * @param outbound what to record
     * @param now the current time
     * @param step the attempt of the unit of work, which collects the events
     * @return the outbox entry
     */
    static OutboxEntry append(StoreTransaction tx, Outbound outbound, Instant now, Step step) {
        return appendAll(tx, List.of(outbound), now, step).get(0);
    }

    /**
     * Appends many messages to their threads and queues them, each by the engine's thread rules
     * (one thread per number, started afresh after the window, F4; a CLOSED thread reopens, F3),
     * with one lock of the threads, one insert of the started threads, one update of
     * the resumed ones, one insert of the messages and one of the outbox entries (F19's broadcast
     * batches).
     *
     * @param tx the transaction
     * @param outbounds what to record, at most one per number
     * @param now the current time
     * @param step the attempt of the unit of work, which collects the events
     * @return the outbox entries, in the order given
     * @throws IllegalArgumentException if two outbounds have the same number
     */
    static List<OutboxEntry> appendAll(StoreTransaction tx, List<Outbound> outbounds, Instant now, Step step) {
        if (outbounds.isEmpty()) {
            return List.of();
        }
        AccountId account = tx.accountId();
        List<PhoneNumber> phones = outbounds.stream().map(Outbound::recipient).toList();
        if (phones.stream().distinct().count() != phones.size()) {
            throw new IllegalArgumentException("one outbound per number expected");
        }
        List<OutboxEntry> entries = new ArrayList<>(outbounds.size());
        // each message's events follow its thread's, as they would one at a time
        step.appendToNumbers(phones, (i, thread) -> {
            Outbound outbound = outbounds.get(i);
            MessageId messageId = MessageId.random();
            entries.add(entry(outbound, messageId, thread, now));
            return message(outbound, messageId, thread, now);
        }, i -> {
            OutboxEntry entry = entries.get(i);
            step.publish(new InboxEvent.OutboundMessageRecorded(account, entry.conversationId(), entry.messageId(), now));
            statusChanged(step, account, entry, now);
        });
        // quiet hours (F41) decide before the insert: a held entry is inserted due at its release
        List<OutboxEntry> decided = QuietHoursGate.atEnqueue(tx, entries, now, step);
        tx.outbox().insertOutboxEntries(decided);
        return List.copyOf(decided);
    }

    private static Message message(Outbound outbound, MessageId messageId, Conversation thread, Instant now) {
        MessageStatus status = outbound.scheduledFor().isPresent() ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
        List<MediaReference> media = new ArrayList<>();
        for (int i = 0; i < outbound.content().media().size(); i++) {
            media.add(new MediaReference(outbound.content().media().get(i).contentType(), "outbox:" + messageId + "/" + i));
        }
        return Message.builder()
                .id(messageId)
                .conversationId(thread.id())
                .sequence(thread.lastMessageSequence() + 1)
                .contactPhone(outbound.recipient())
                .direction(Direction.OUTBOUND)
                .text(outbound.content().text())
                .media(media)
                .senderId(outbound.sender().value())
                .status(status)
                .read(true)
                .author(outbound.author())
                .broadcastLabel(outbound.broadcastLabel())
                .scheduledFor(outbound.scheduledFor().map(ScheduledTime::instant))
                .createdAt(now)
                .build();
    }

    private static OutboxEntry entry(Outbound outbound, MessageId messageId, Conversation thread, Instant now) {
        MessageStatus status = outbound.scheduledFor().isPresent() ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
        return OutboxEntry.builder()
                .messageId(messageId)
                .conversationId(thread.id())
                .recipient(outbound.recipient())
                .status(status)
                .carrierId(outbound.carrierId())
                .sender(outbound.sender())
                .from(outbound.content())
                .attempts(0)
                .dueAt(outbound.scheduledFor().map(ScheduledTime::instant).orElse(now))
                .scheduledFor(outbound.scheduledFor())
                .broadcastId(outbound.broadcastId())
                .category(outbound.category())
                .createdAt(now)
                .updatedAt(now)
                .build();
    }

    /**
     * Saves an entry's change, its content's included, and its message's, and collects the status
     * event if it moved.
     *
     * @param tx the transaction
     * @param before the entry before
     * @param after the entry after
     * @param now when
     * @param step the attempt of the unit of work, which collects the event
     */
    static void save(StoreTransaction tx, OutboxEntry before, OutboxEntry after, Instant now, Step step) {
        tx.outbox().updateOutboxEntry(after);
        tx.messages().syncMessages(List.of(after));
        announce(tx, List.of(before), List.of(after), now, step);
    }

    /**
     * Records how entries' deliveries moved ({@link StoreTransaction#updateOutboxStates}: their
     * content is as stored), and collects a status event for each entry that moved, in the order given.
     *
     * @param tx the transaction
     * @param before the entries before
     * @param after the entries after, index for index
     * @param now when
     * @param step the attempt of the unit of work, which collects the events
     */
    static void recordStates(StoreTransaction tx, List<OutboxEntry> before, List<OutboxEntry> after, Instant now,
            Step step) {
        if (after.isEmpty()) {
            return;
        }
        tx.updateOutboxStates(after);
        announce(tx, before, after, now, step);
    }

    /**
     * Collects a status event for each entry whose status moved, in the order given.
     *
     * @param tx the transaction
     * @param before the entries before
     * @param after the entries after, index for index
     * @param now when
     * @param step the attempt of the unit of work, which collects the events
     */
    static void announce(StoreTransaction tx, List<OutboxEntry> before, List<OutboxEntry> after, Instant now,
            Step step) {
        for (int i = 0; i < after.size(); i++) {
            if (before.get(i).status() != after.get(i).status()) {
                statusChanged(step, tx.accountId(), after.get(i), now);
            }
        }
    }

    /**
     * Collects the status change of an outbox entry.
     *
     * @param step the attempt of the unit of work, which collects the event
     * @param account the account
     * @param entry the entry, after the change
     * @param now when
     */
    static void statusChanged(Step step, AccountId account, OutboxEntry entry, Instant now) {
        step.publish(new InboxEvent.MessageStatusChanged(account, entry.conversationId(), entry.messageId(),
                entry.status(), now));
    }
}
