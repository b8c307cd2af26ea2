package io.github.inboxkit.benchmarks.jdbc;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.SendingStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives a broadcast's enqueue and the dispatcher's claim / record steps through the store port's
 * batch operations, statement for statement as a pipeline using them would: per batch of
 * recipients, one opt-out read, one conversation lock, one batch per table and one counters
 * update; per claim, one claim transaction and one record transaction. It measures the store, so
 * that the figure can be compared with the pipeline's and with the bare loop.
 *
 * <p>Not thread-safe; a benchmark helper.
 */
final class StorePortBatches {

    private static final int ENQUEUE_BATCH = 500;
    private static final int CLAIM_BATCH = 100;
    private static final Sender SENDER = Sender.longCode("+14155550100");

    private StorePortBatches() {}

    /** Enqueues {@code recipients} new numbers; returns the seconds it took. */
    static double enqueue(SendingStore store, AccountId account, int recipients, int round) {
        BroadcastId broadcast = BroadcastId.random();
        long start = System.nanoTime();
        for (int from = 0; from < recipients; from += ENQUEUE_BATCH) {
            List<PhoneNumber> phones = new ArrayList<>();
            for (int i = from; i < Math.min(recipients, from + ENQUEUE_BATCH); i++) {
                phones.add(new PhoneNumber("+1" + (3_000_000_000L + round * 100_000_000L + i)));
            }
            store.inSendingTransaction(account, tx -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Map<PhoneNumber, OptOutRecord> optOuts = tx.latestOptOutRecords(phones);
                Map<PhoneNumber, Conversation> existing = tx.lockConversationsByPhone(phones);
                List<Conversation> created = new ArrayList<>();
                List<Conversation> updated = new ArrayList<>();
                List<Message> messages = new ArrayList<>();
                List<OutboxEntry> entries = new ArrayList<>();
                for (PhoneNumber phone : phones) {
                    OptOutRecord record = optOuts.get(phone);
                    if (record != null && record.action() == OptOutAction.OPTED_OUT) {
                        continue;
                    }
                    Conversation before = existing.get(phone);
                    Conversation conversation = before == null
                            ? Conversation.builder().id(ConversationId.random()).contactPhone(phone)
                                    .state(ConversationState.OPEN).unreadCount(0).lastActivityAt(now)
                                    .lastMessagePreview("Black Friday").lastMessageSequence(1).createdAt(now).build()
                            : Conversation.builder().from(before).state(ConversationState.OPEN).lastActivityAt(now)
                                    .lastMessageSequence(before.lastMessageSequence() + 1).build();
                    (before == null ? created : updated).add(conversation);
                    MessageId id = MessageId.random();
                    messages.add(Message.builder().id(id).conversationId(conversation.id())
                            .sequence(conversation.lastMessageSequence()).contactPhone(phone)
                            .direction(Direction.OUTBOUND).text("Black Friday: 20% off today")
                            .senderId(SENDER.value()).status(MessageStatus.QUEUED).read(true)
                            .broadcastLabel("Round " + round).createdAt(now).build());
                    entries.add(OutboxEntry.builder().messageId(id).conversationId(conversation.id()).recipient(phone)
                            .status(MessageStatus.QUEUED).carrierId("simulator").sender(SENDER)
                            .text("Black Friday: 20% off today").segmentCount(1).encoding(TextEncoding.GSM_7)
                            .attempts(0).dueAt(now).broadcastId(broadcast).createdAt(now).updatedAt(now).build());
                }
                tx.insertConversations(created);
                tx.updateConversations(updated);
                tx.adjustCounters(created.size(), 0, 0);
                tx.insertMessages(messages);
                tx.insertOutboxEntries(entries);
                return null;
            });
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Claims, submits and records until the queue is empty; returns messages per second. */
    static double dispatch(SendingStore store, AccountId account, Carrier carrier) {
        long start = System.nanoTime();
        int sent = 0;
        while (true) {
            List<OutboxEntry> claimed = store.inSendingTransaction(account, tx -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                List<OutboxEntry> due = tx.lockClaimableOutboxEntries(now, CLAIM_BATCH);
                Map<PhoneNumber, OptOutRecord> optOuts = tx.latestOptOutRecords(
                        due.stream().map(OutboxEntry::recipient).toList());
                List<OutboxEntry> sending = new ArrayList<>();
                for (OutboxEntry entry : due) {
                    OptOutRecord record = optOuts.get(entry.recipient());
                    if (record == null || record.action() != OptOutAction.OPTED_OUT) {
                        sending.add(OutboxEntry.builder().from(entry).status(MessageStatus.SENDING)
                                .attempts(entry.attempts() + 1).leaseUntil(now.plus(Duration.ofMinutes(1)))
                                .updatedAt(now).build());
                    }
                }
                save(tx, sending);
                return sending;
            });
            if (claimed.isEmpty()) {
                break;
            }
            List<String> carrierIds = new ArrayList<>();
            for (OutboxEntry entry : claimed) {
                SubmitResult result = carrier.submit(new OutboundSubmission(entry.messageId().toString(),
                        entry.sender(), entry.recipient().e164(), entry.text(), entry.media(), entry.segmentCount(),
                        entry.encoding()));
                carrierIds.add(((SubmitResult.Accepted) result).carrierMessageId());
            }
            store.inSendingTransaction(account, tx -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Map<MessageId, OutboxEntry> current = tx.lockOutboxEntries(
                        claimed.stream().map(OutboxEntry::messageId).toList());
                List<OutboxEntry> done = new ArrayList<>();
                for (int i = 0; i < claimed.size(); i++) {
                    OutboxEntry entry = current.get(claimed.get(i).messageId());
                    done.add(OutboxEntry.builder().from(entry).status(MessageStatus.SENT)
                            .carrierMessageId(carrierIds.get(i)).leaseUntil(java.util.Optional.empty())
                            .updatedAt(now).build());
                }
                save(tx, done);
                return null;
            });
            sent += claimed.size();
        }
        return sent / ((System.nanoTime() - start) / 1e9);
    }

    /** The entries and their thread messages, one batch each. */
    private static void save(io.github.inboxkit.core.store.SendingTransaction tx, List<OutboxEntry> entries) {
        tx.updateOutboxEntries(entries);
        Map<MessageId, Message> messages = tx.findMessages(entries.stream().map(OutboxEntry::messageId).toList());
        List<Message> synced = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            Message message = messages.get(entry.messageId());
            if (message != null) {
                synced.add(Message.builder().from(message).status(entry.status())
                        .carrierMessageId(entry.carrierMessageId()).build());
            }
        }
        tx.updateMessages(synced);
    }
}
