package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.SendFailure;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the batch operations of the store port ({@link ConversationRows#lockConversationsByPhone},
 * {@link ConversationRows#insertConversations}, {@link MessageRows#insertMessages},
 * {@link MessageRows#findMessages}, {@link ConsentRows#latestOptOutRecords}, {@link
 * OutboxRows#insertOutboxEntries}, {@link OutboxRows#lockOutboxEntries}, ...) give
 * exactly what the single-row operations give, one row at a time: same rows, same conflicts,
 * scoped to the transaction's account (architecture invariants 1, 6). A store module extends it and
 * implements {@link #newStore()}; every test uses accounts with random ids, so one shared
 * database serves all tests.
 */
public abstract class BatchOperationsContract {

    /** The instant the tests start at, truncated to microseconds as stores keep it. */
    protected static final Instant NOW = Instant.parse("2026-11-25T09:00:00.123456Z");

    /** The store under test. */
    protected InboxStore store;
    /** A fresh account. */
    protected AccountId account;

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /** Creates the store and a fresh account. */
    @BeforeEach
    protected void setUpBatches() {
        store = newStore();
        account = newAccount();
    }

    private AccountId newAccount() {
        AccountId id = AccountId.of("acct-" + UUID.randomUUID());
        store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(Account.builder().id(id).name("Batch test").settings(AccountSettings.defaults())
                    .createdAt(NOW).build());
            return null;
        });
        return id;
    }

    private static PhoneNumber phone(int index) {
        return new PhoneNumber(String.format("+3363%07d", index));
    }

    private static Conversation conversation(PhoneNumber phone) {
        return Conversation.builder().id(ConversationId.random()).contactPhone(phone).state(ConversationState.OPEN)
                .unreadCount(0).lastActivityAt(NOW).lastMessagePreview("Hi").lastMessageSequence(1).createdAt(NOW)
                .build();
    }

    private static Message message(Conversation conversation, String text) {
        MessageId id = MessageId.random();
        return Message.builder().id(id).conversationId(conversation.id()).sequence(conversation.lastMessageSequence())
                .contactPhone(conversation.contactPhone()).direction(Direction.OUTBOUND).text(text)
                .media(List.of(new MediaReference("image/png", "outbox:" + id + "/0")))
                .senderId("+33700000001").status(MessageStatus.QUEUED).read(true)
                .author(UserId.of("agent")).broadcastLabel("Promo").createdAt(NOW).build();
    }

    private static OutboxEntry entry(Message message, BroadcastId broadcast) {
        return OutboxEntry.builder().messageId(message.id()).conversationId(message.conversationId())
                .recipient(message.contactPhone()).status(MessageStatus.QUEUED).carrierId("simulator")
                .sender(Sender.longCode("+33700000001")).text(message.text())
                .media(List.of(OutboundMedia.inline("image/png", new byte[] {1, 2, 3})))
                .segmentCount(1).encoding(TextEncoding.GSM_7).attempts(0).dueAt(NOW).broadcastId(broadcast)
                .createdAt(NOW).updatedAt(NOW).build();
    }

    private record Batch(List<Conversation> conversations, List<Message> messages, List<OutboxEntry> entries) {}

    /** Records a broadcast-shaped batch (threads, messages, outbox entries) in one transaction. */
    private Batch recordBatch(AccountId in, int from, int count) {
        BroadcastId broadcast = BroadcastId.random();
        List<Conversation> conversations = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Conversation conversation = conversation(phone(i));
            Message message = message(conversation, "Hello " + i + " \"quoted\" \\ é");
            conversations.add(conversation);
            messages.add(message);
            entries.add(entry(message, broadcast));
        }
        store.inTransaction(in, tx -> {
            tx.conversations().insertConversations(conversations);
            tx.counters().adjustCounters(count, 0, 0);
            tx.messages().insertMessages(messages);
            tx.outbox().insertOutboxEntries(entries);
            return null;
        });
        return new Batch(conversations, messages, entries);
    }

    @Test
    @DisplayName("F19 a batch of threads, messages and outbox entries reads back equal, one row at a time and in batches")
    void batchInsertsReadBack() {
        Batch batch = recordBatch(account, 0, 5);

        store.inTransaction(account, tx -> {
            for (int i = 0; i < 5; i++) {
                assertThat(tx.conversations().findConversation(batch.conversations().get(i).id())).contains(batch.conversations().get(i));
                assertThat(tx.messages().findMessage(batch.messages().get(i).id())).contains(batch.messages().get(i));
                assertThat(tx.outbox().findOutboxEntry(batch.entries().get(i).messageId())).contains(batch.entries().get(i));
            }
            Map<PhoneNumber, Conversation> threads = tx.conversations().lockConversationsByPhone(
                    List.of(phone(4), phone(0), phone(99), phone(0)));
            assertThat(threads).containsOnlyKeys(phone(0), phone(4));
            assertThat(threads.get(phone(4))).isEqualTo(batch.conversations().get(4));
            Map<MessageId, Message> messages = tx.messages().findMessages(
                    List.of(batch.messages().get(1).id(), batch.messages().get(3).id(), MessageId.random()));
            assertThat(messages).containsOnlyKeys(batch.messages().get(1).id(), batch.messages().get(3).id());
            assertThat(messages.get(batch.messages().get(3).id())).isEqualTo(batch.messages().get(3));
            Map<MessageId, OutboxEntry> entries = tx.outbox().lockOutboxEntries(
                    List.of(batch.entries().get(2).messageId(), MessageId.random()));
            assertThat(entries).containsOnlyKeys(batch.entries().get(2).messageId());
            assertThat(entries.get(batch.entries().get(2).messageId())).isEqualTo(batch.entries().get(2));
            assertThat(tx.counters().counters().openConversations()).isEqualTo(5);
            return null;
        });
        List<OutboxEntry> claimable = store.inTransaction(account,
                (StoreTransaction tx) -> tx.outbox().lockClaimableOutboxEntries(NOW, 100));
        assertThat(claimable).containsExactlyInAnyOrderElementsOf(batch.entries());
    }

    @Test
    @DisplayName("F31 batch updates replace every attribute of threads, messages and outbox entries")
    void batchUpdatesReplaceAttributes() {
        Batch batch = recordBatch(account, 0, 3);
        List<Conversation> reopened = new ArrayList<>();
        List<Message> sent = new ArrayList<>();
        List<OutboxEntry> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reopened.add(Conversation.builder().from(batch.conversations().get(i)).state(ConversationState.CLOSED)
                    .lastMessagePreview("Bye " + i).lastMessageSequence(7).lastActivityAt(NOW.plusSeconds(i))
                    .build());
            sent.add(Message.builder().from(batch.messages().get(i)).status(MessageStatus.SENT)
                    .carrierMessageId("SM-" + i).text("Edited " + i).build());
            accepted.add(OutboxEntry.builder().from(batch.entries().get(i)).status(MessageStatus.SENT)
                    .carrierMessageId("SM-" + i).attempts(1).leaseUntil(Optional.empty())
                    .updatedAt(NOW.plusSeconds(1)).build());
        }
        // every kind of value, null and not, in one batch: a lease, a schedule with its zone, a
        // failure, a whole second (written without a fraction)
        ScheduledTime schedule = new ScheduledTime(Instant.parse("2026-12-01T08:00:00Z"), ZoneId.of("Asia/Kolkata"));
        accepted.set(1, OutboxEntry.builder().from(accepted.get(1)).status(MessageStatus.FAILED)
                .failure(SendFailure.builder().reason(FailureReason.REJECTED_BY_CARRIER).carrierCode("30007")
                        .detail("filtered, \"quoted\" é").build())
                .scheduledFor(schedule).dueAt(schedule.instant()).build());
        accepted.set(2, OutboxEntry.builder().from(accepted.get(2)).status(MessageStatus.SENDING)
                .carrierMessageId(Optional.empty()).leaseUntil(NOW.plusSeconds(30)).text("Edited ✓")
                .shiftTables(List.of(ShiftTable.TURKISH_SINGLE)).broadcastId(Optional.empty()).build());
        store.inTransaction(account, tx -> {
            tx.conversations().lockConversationsByPhone(List.of(phone(0), phone(1), phone(2)));
            tx.conversations().updateConversations(reopened);
            tx.messages().updateMessages(sent);
            tx.outbox().lockOutboxEntries(accepted.stream().map(OutboxEntry::messageId).toList());
            tx.outbox().updateOutboxEntries(accepted);
            return null;
        });

        store.inTransaction(account, tx -> {
            for (int i = 0; i < 3; i++) {
                assertThat(tx.conversations().findConversation(reopened.get(i).id())).contains(reopened.get(i));
                assertThat(tx.messages().findMessage(sent.get(i).id())).contains(sent.get(i));
                // an outbound message is found by its carrier id through its outbox entry
                assertThat(tx.messages().findMessageByCarrierId("SM-" + i)).isEmpty();
                assertThat(tx.outbox().findOutboxEntry(accepted.get(i).messageId())).contains(accepted.get(i));
            }
            assertThat(tx.outbox().lockOutboxEntryByCarrierId("simulator", "SM-0")).contains(accepted.get(0));
            assertThat(tx.outbox().lockOutboxEntryByCarrierId("simulator", "SM-2")).isEmpty();
            assertThat(tx.outbox().lockClaimableOutboxEntries(NOW, 100)).isEmpty(); // the SENDING one is leased
            return null;
        });
    }

    @Test
    @DisplayName("F31 syncMessages writes each entry's status, carrier id, text and schedule to its message, and nothing else")
    void syncMessagesFollowsTheEntries() {
        Batch batch = recordBatch(account, 0, 3);
        ScheduledTime later = new ScheduledTime(NOW.plusSeconds(3_600), ZoneId.of("Europe/Paris"));
        List<OutboxEntry> changed = List.of(
                OutboxEntry.builder().from(batch.entries().get(0)).status(MessageStatus.SENT).carrierMessageId("SM-0")
                        .attempts(1).build(),
                OutboxEntry.builder().from(batch.entries().get(1)).status(MessageStatus.SCHEDULED)
                        .text("Edited 1").dueAt(later.instant()).scheduledFor(later).build(),
                OutboxEntry.builder().from(batch.entries().get(2)).status(MessageStatus.SENDING).attempts(1)
                        .leaseUntil(NOW.plusSeconds(60)).build());
        Message purged = message(conversation(phone(9)), "never stored");
        OutboxEntry orphan = OutboxEntry.builder().from(entry(purged, BroadcastId.random()))
                .status(MessageStatus.SENT).build();

        store.inTransaction(account, tx -> {
            tx.messages().syncMessages(List.of(changed.get(0), orphan, changed.get(1), changed.get(2)));
            return null;
        });

        store.inTransaction(account, tx -> {
            assertThat(tx.messages().findMessage(batch.messages().get(0).id())).contains(Message.builder()
                    .from(batch.messages().get(0)).status(MessageStatus.SENT).carrierMessageId("SM-0").build());
            assertThat(tx.messages().findMessage(batch.messages().get(1).id())).contains(Message.builder()
                    .from(batch.messages().get(1)).status(MessageStatus.SCHEDULED).text("Edited 1")
                    .scheduledFor(later.instant()).build());
            assertThat(tx.messages().findMessage(batch.messages().get(2).id())).contains(Message.builder()
                    .from(batch.messages().get(2)).status(MessageStatus.SENDING).build());
            assertThat(tx.messages().findMessage(purged.id())).isEmpty();
            assertThat(tx.messages().findMessage(batch.messages().get(0).id()).flatMap(Message::carrierMessageId)).contains("SM-0");
            // the entries themselves are the caller's to update
            assertThat(tx.outbox().findOutboxEntry(batch.entries().get(0).messageId())).contains(batch.entries().get(0));
            return null;
        });
    }

    @Test
    @DisplayName("F31 updateOutboxStates records each entry's delivery state and its message's status and carrier id")
    void updateOutboxStatesRecordsDeliveries() {
        Batch batch = recordBatch(account, 0, 3);
        List<OutboxEntry> recorded = List.of(
                OutboxEntry.builder().from(batch.entries().get(0)).status(MessageStatus.SENT).carrierMessageId("SM-0")
                        .attempts(1).updatedAt(NOW.plusSeconds(1)).build(),
                OutboxEntry.builder().from(batch.entries().get(1)).status(MessageStatus.QUEUED).attempts(2)
                        .dueAt(NOW.plusSeconds(30)).updatedAt(NOW.plusSeconds(1)).build(),
                OutboxEntry.builder().from(batch.entries().get(2)).status(MessageStatus.FAILED).attempts(1)
                        .failure(SendFailure.of(FailureReason.REJECTED_BY_CARRIER, "refused"))
                        .updatedAt(NOW.plusSeconds(1)).build());
        OutboxEntry leased = OutboxEntry.builder().from(batch.entries().get(1)).status(MessageStatus.SENDING)
                .attempts(2).leaseUntil(NOW.plusSeconds(60)).build();

        store.inTransaction(account, tx -> {
            tx.updateOutboxStates(List.of(recorded.get(0), recorded.get(2)));
            tx.updateOutboxStates(List.of(leased));
            return null;
        });
        store.inTransaction(account, tx -> {
            assertThat(tx.outbox().findOutboxEntry(leased.messageId())).contains(leased);
            tx.updateOutboxStates(List.of(recorded.get(1)));
            return null;
        });

        store.inTransaction(account, tx -> {
            for (int i = 0; i < 3; i++) {
                OutboxEntry entry = recorded.get(i);
                assertThat(tx.outbox().findOutboxEntry(entry.messageId())).contains(entry);
                assertThat(tx.messages().findMessage(entry.messageId())).contains(Message.builder().from(batch.messages().get(i))
                        .status(entry.status()).carrierMessageId(entry.carrierMessageId()).build());
            }
            return null;
        });
    }

    @Test
    @DisplayName("F31 kept delivery reports of many carrier ids are taken at once, each id's in arrival order, once")
    void takeKeptReportsOfMany() {
        DeliveryReport a1 = DeliveryReport.of("A", DeliveryStatus.SENT, NOW);
        DeliveryReport a2 = new DeliveryReport("A", DeliveryStatus.DELIVERED, "", NOW.plusSeconds(1));
        DeliveryReport b = DeliveryReport.of("B", DeliveryStatus.FAILED, NOW);
        DeliveryReport c = DeliveryReport.of("C", DeliveryStatus.DELIVERED, NOW);
        store.inTransaction(account, tx -> {
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", a1, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", b, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("other", c, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", a2, NOW.plusSeconds(1)));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", c, NOW));
            return null;
        });
        AccountId other = newAccount();
        store.inTransaction(other, tx -> {
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", b, NOW));
            return null;
        });

        Map<String, List<UnmatchedDeliveryReport>> taken = store.inTransaction(account,
                (StoreTransaction tx) -> tx.reports().takeUnmatchedReports("simulator", List.of("B", "A", "Z", "A")));

        assertThat(taken).containsOnlyKeys("A", "B");
        assertThat(taken.get("A")).extracting(UnmatchedDeliveryReport::report).containsExactly(a1, a2);
        assertThat(taken.get("B")).extracting(UnmatchedDeliveryReport::report).containsExactly(b);
        store.inTransaction(account, tx -> {
            assertThat(tx.reports().takeUnmatchedReports("simulator", List.of("A", "B"))).isEmpty();
            assertThat(tx.reports().takeUnmatchedReports("simulator", List.of())).isEmpty();
            assertThat(tx.reports().listUnmatchedReports(10)).extracting(r -> r.carrierId() + "/" + r.report().carrierMessageId())
                    .containsExactlyInAnyOrder("other/C", "simulator/C");
            return null;
        });
        assertThat(store.inTransaction(other, (StoreTransaction tx) -> tx.reports().listUnmatchedReports(10)))
                .hasSize(1);
    }

    @Test
    @DisplayName("F32 carrier ids are unique among inbound messages only, and only inbound ones are found by them")
    void carrierIdsAreUniqueAmongInboundMessages() {
        Batch batch = recordBatch(account, 0, 2);
        Conversation thread = batch.conversations().get(0);
        Message inbound = Message.builder().from(message(thread, "hi")).sequence(2).direction(Direction.INBOUND)
                .read(false).status(MessageStatus.RECEIVED).carrierMessageId("SAME").build();
        store.inTransaction(account, tx -> {
            // two outbound messages of two carriers may share an id; an inbound one may share it too
            tx.messages().updateMessages(List.of(
                    Message.builder().from(batch.messages().get(0)).carrierMessageId("SAME").build(),
                    Message.builder().from(batch.messages().get(1)).carrierMessageId("SAME").build()));
            tx.messages().insertMessage(inbound);
            return null;
        });

        assertThat(store.inTransaction(account, (StoreTransaction tx) -> tx.messages().findMessageByCarrierId("SAME")))
                .contains(inbound);
        Message again = Message.builder().from(inbound).id(MessageId.random()).sequence(3).build();
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.messages().insertMessage(again);
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(store.inTransaction(account, (StoreTransaction tx) -> tx.messages().findMessage(again.id()))).isEmpty();
    }

    @Test
    @DisplayName("F18 the latest subscription record of many numbers at once, as one number at a time")
    void latestOptOutRecordsOfMany() {
        PhoneNumber stoppedThenStarted = phone(1);
        PhoneNumber stopped = phone(2);
        PhoneNumber never = phone(3);
        store.inTransaction(account, tx -> {
            tx.consent().appendOptOutRecord(record(stoppedThenStarted, OptOutAction.OPTED_OUT, NOW));
            tx.consent().appendOptOutRecord(record(stoppedThenStarted, OptOutAction.OPTED_IN, NOW.plusSeconds(1)));
            tx.consent().appendOptOutRecord(record(stopped, OptOutAction.OPTED_IN, NOW));
            tx.consent().appendOptOutRecord(record(stopped, OptOutAction.OPTED_OUT, NOW.plusSeconds(2)));
            return null;
        });

        Map<PhoneNumber, OptOutRecord> latest = store.inTransaction(account,
                (StoreTransaction tx) -> tx.consent().latestOptOutRecords(List.of(never, stopped, stoppedThenStarted, stopped)));

        assertThat(latest).containsOnlyKeys(stopped, stoppedThenStarted);
        assertThat(latest.get(stopped).action()).isEqualTo(OptOutAction.OPTED_OUT);
        assertThat(latest.get(stoppedThenStarted).action()).isEqualTo(OptOutAction.OPTED_IN);
        store.inTransaction(account, tx -> {
            assertThat(Optional.ofNullable(latest.get(stopped))).isEqualTo(tx.consent().latestOptOutRecord(stopped));
            assertThat(Optional.ofNullable(latest.get(stoppedThenStarted)))
                    .isEqualTo(tx.consent().latestOptOutRecord(stoppedThenStarted));
            assertThat(tx.consent().latestOptOutRecords(List.of())).isEmpty();
            return null;
        });
    }

    private static OptOutRecord record(PhoneNumber phone, OptOutAction action, Instant at) {
        return OptOutRecord.builder().phone(phone).action(action).source(OptOutSource.USER)
                .changedBy(UserId.of("agent")).recordedAt(at).build();
    }

    @Test
    @DisplayName("F9 F13 the users of many ids at once, as one id at a time, in this account only")
    void findUsersOfMany() {
        User ann = User.builder().id(UserId.of("ann")).displayName("Ann Lee").createdAt(NOW).build();
        User bob = User.builder().id(UserId.of("bob")).displayName("Bob Ray").createdAt(NOW).build();
        store.inTransaction(account, tx -> {
            tx.team().insertUser(ann);
            tx.team().insertUser(bob);
            return null;
        });
        AccountId other = newAccount();
        store.inTransaction(other, tx -> {
            tx.team().insertUser(User.builder().id(UserId.of("cat")).displayName("Cat").createdAt(NOW).build());
            return null;
        });

        Map<UserId, User> found = store.inTransaction(account, (StoreTransaction tx) -> tx.team().findUsers(
                List.of(UserId.of("bob"), UserId.of("cat"), UserId.of("ann"), UserId.of("bob"), UserId.of("nobody"))));

        assertThat(found).containsOnlyKeys(UserId.of("ann"), UserId.of("bob"));
        assertThat(found.get(UserId.of("ann"))).isEqualTo(ann);
        assertThat(found.get(UserId.of("bob"))).isEqualTo(bob);
        assertThat(store.inTransaction(account, (StoreTransaction tx) -> tx.team().findUsers(List.of()))).isEmpty();
    }

    @Test
    @DisplayName("F33 batch reads see only the transaction's account")
    void batchReadsAreScopedToTheAccount() {
        Batch mine = recordBatch(account, 0, 2);
        AccountId other = newAccount();
        store.inTransaction(other, tx -> {
            tx.consent().appendOptOutRecord(record(phone(0), OptOutAction.OPTED_OUT, NOW));
            return null;
        });

        store.inTransaction(other, tx -> {
            assertThat(tx.conversations().lockConversationsByPhone(List.of(phone(0), phone(1)))).isEmpty();
            assertThat(tx.messages().findMessages(mine.messages().stream().map(Message::id).toList())).isEmpty();
            assertThat(tx.outbox().lockOutboxEntries(mine.entries().stream().map(OutboxEntry::messageId).toList())).isEmpty();
            return null;
        });
        Map<PhoneNumber, OptOutRecord> ownRecords = store.inTransaction(account,
                (StoreTransaction tx) -> tx.consent().latestOptOutRecords(List.of(phone(0), phone(1))));
        assertThat(ownRecords).isEmpty();
    }

    @Test
    @DisplayName("F19 a batch with a taken key is a conflict and leaves nothing of its transaction")
    void aConflictingBatchLeavesNothing() {
        Batch first = recordBatch(account, 0, 1);
        Conversation fresh = conversation(phone(50));
        Message freshMessage = message(fresh, "new");
        Message duplicate = Message.builder().from(message(fresh, "again")).id(first.messages().get(0).id())
                .sequence(2).build();

        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.conversations().insertConversations(List.of(fresh));
            tx.messages().insertMessages(List.of(freshMessage, duplicate));
            return null;
        })).isInstanceOf(StoreConflictException.class);

        store.inTransaction(account, tx -> {
            assertThat(tx.conversations().findConversation(fresh.id())).isEmpty();
            assertThat(tx.messages().findMessage(freshMessage.id())).isEmpty();
            assertThat(tx.messages().findMessage(first.messages().get(0).id())).contains(first.messages().get(0));
            return null;
        });
    }
}
