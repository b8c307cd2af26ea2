package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.SendFailure;
import io.github.inboxkit.core.sending.SkipReason;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the sending operations of the store port ({@link InboxStore}, {@link
 * StoreTransaction}): the outbox and its claims, delivery reports without a match, broadcasts,
 * and what the retention purge deletes (architecture invariants 1, 3, 6; F19, F27, F30, F31). A store
 * module extends it and implements {@link #newStore()}; every test uses accounts with random ids,
 * so one shared database serves all tests.
 */
public abstract class OutboxContract {

    /** The instant the tests start at, truncated to microseconds as stores keep it. */
    protected static final Instant NOW = Instant.parse("2026-11-25T09:00:00.123456Z");

    /** The store under test. */
    protected InboxStore store;
    /** A fresh account. */
    protected AccountId account;
    private ConversationId conversation;
    private int phones;

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /** Creates the store and a fresh account with one conversation. */
    @BeforeEach
    protected void setUpOutbox() {
        store = newStore();
        account = newAccount();
        conversation = newConversation(account, phone(0));
    }

    private AccountId newAccount() {
        AccountId id = AccountId.of("acct-" + UUID.randomUUID());
        store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(Account.builder().id(id).name("Outbox test").settings(AccountSettings.defaults())
                    .createdAt(NOW).build());
            return null;
        });
        return id;
    }

    private static PhoneNumber phone(int index) {
        return new PhoneNumber(String.format("+3362%07d", index));
    }

    private ConversationId newConversation(AccountId in, PhoneNumber phone) {
        ConversationId id = ConversationId.random();
        store.inTransaction(in, tx -> {
            tx.conversations().insertConversation(Conversation.builder().id(id).contactPhone(phone).state(ConversationState.OPEN)
                    .unreadCount(0).lastActivityAt(NOW).lastMessagePreview("").lastMessageSequence(0).createdAt(NOW)
                    .build());
            tx.counters().adjustCounters(1, 0, 0);
            return null;
        });
        return id;
    }

    /** Inserts an outbound message and its entry, as the pipeline does, in one transaction. */
    private OutboxEntry queue(AccountId in, ConversationId thread, MessageStatus status, Instant dueAt, Instant createdAt) {
        MessageId id = MessageId.random();
        return store.inTransaction(in, tx -> {
            Conversation c = tx.conversations().lockConversation(thread).orElseThrow();
            long sequence = c.lastMessageSequence() + 1;
            tx.conversations().updateConversation(Conversation.builder().from(c).lastMessageSequence(sequence).build());
            tx.messages().insertMessage(Message.builder().id(id).conversationId(thread).sequence(sequence)
                    .contactPhone(c.contactPhone()).direction(Direction.OUTBOUND).text("hello")
                    .status(status).read(true).createdAt(createdAt).build());
            OutboxEntry entry = entry(id, thread, c.contactPhone(), status, dueAt, createdAt);
            tx.outbox().insertOutboxEntry(entry);
            return entry;
        });
    }

    private static OutboxEntry entry(MessageId id, ConversationId thread, PhoneNumber to, MessageStatus status,
            Instant dueAt, Instant createdAt) {
        return OutboxEntry.builder().messageId(id).conversationId(thread).recipient(to).status(status)
                .carrierId("simulator").sender(Sender.longCode("+33700000001")).text("hello")
                .segmentCount(1).encoding(TextEncoding.GSM_7).attempts(0).dueAt(dueAt)
                .scheduledFor(status == MessageStatus.SCHEDULED
                        ? Optional.of(new ScheduledTime(dueAt, ZoneId.of("Europe/Paris"))) : Optional.empty())
                .failure(status == MessageStatus.FAILED
                        ? Optional.of(SendFailure.of(FailureReason.OPTED_OUT, "x")) : Optional.empty())
                .createdAt(createdAt).updatedAt(createdAt).build();
    }

    /** A broadcast with content as the pipeline checks it: a Turkish text, a picture, an author. */
    private Broadcast insertBroadcast(AccountId in, String name) {
        Broadcast broadcast = Broadcast.builder().id(BroadcastId.random()).name(name).requestedRecipients(3)
                .createdAt(NOW).build();
        store.inTransaction(in, tx -> {
            tx.broadcasts().insertBroadcast(broadcast, CONTENT);
            return null;
        });
        return broadcast;
    }

    private static final BroadcastContent CONTENT = BroadcastContent.builder().text("Şubat indirimi")
            .media(List.of(OutboundMedia.hosted("image/png", URI.create("https://example.com/a.png"), 2048)))
            .segmentCount(1).encoding(TextEncoding.GSM_7)
            .shiftTables(List.of(ShiftTable.TURKISH_LOCKING, ShiftTable.TURKISH_SINGLE))
            .carrierId("simulator").author(UserId.of("alice")).build();

    private static QueuedRecipient recipient(Broadcast broadcast, int phone) {
        return new QueuedRecipient(broadcast.id(), phone(phone), Sender.longCode("+33700000001"));
    }

    private OutboxEntry queue(MessageStatus status, Instant dueAt) {
        return queue(account, conversation, status, dueAt, NOW);
    }

    private <T> T inTx(TransactionWork<T> work) {
        return store.inTransaction(account, work);
    }

    @Test
    @DisplayName("F31 an entry reads back equal, media and failure included; a second entry for the message is a conflict")
    void insertAndFind() {
        MessageId id = MessageId.random();
        OutboxEntry full = OutboxEntry.builder().from(entry(id, conversation, phone(0), MessageStatus.FAILED, NOW, NOW))
                .media(List.of(OutboundMedia.inline("image/png", new byte[] {1, 2, 3})))
                .failure(SendFailure.builder().reason(FailureReason.REJECTED_BY_CARRIER)
                        .carrierReason(PermanentReason.INVALID_NUMBER).carrierCode("21211").detail("bad").build())
                .carrierMessageId("SM-1").attempts(3).leaseUntil(NOW.plusSeconds(60))
                .broadcastId(BroadcastId.random())
                .build();
        inTx((StoreTransaction tx) -> {
            tx.outbox().insertOutboxEntry(full);
            return null;
        });

        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(id))).contains(full);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockOutboxEntry(id))).contains(full);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockOutboxEntryByCarrierId("simulator", "SM-1"))).contains(full);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockOutboxEntryByCarrierId("other-carrier", "SM-1"))).isEmpty();
        assertThatThrownBy(() -> inTx((StoreTransaction tx) -> {
            tx.outbox().insertOutboxEntry(full);
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    /** One entry of each kind a claim must tell apart; "now" versions are as stored, under their lease. */
    private record Queue(OutboxEntry later, OutboxEntry first, OutboxEntry scheduledDue, OutboxEntry leased,
            OutboxEntry leasedNow, OutboxEntry expired, OutboxEntry expiredNow) {}

    private Queue queueOneOfEach() {
        OutboxEntry later = queue(MessageStatus.QUEUED, NOW.plusSeconds(10));
        OutboxEntry first = queue(MessageStatus.QUEUED, NOW.minusSeconds(10));
        OutboxEntry scheduledDue = queue(MessageStatus.SCHEDULED, NOW.minusSeconds(5));
        queue(MessageStatus.SCHEDULED, NOW.plus(Duration.ofDays(1)));
        OutboxEntry leased = queue(MessageStatus.QUEUED, NOW.minusSeconds(20));
        OutboxEntry expired = queue(MessageStatus.QUEUED, NOW.minusSeconds(30));
        queue(MessageStatus.FAILED, NOW.minusSeconds(40));
        OutboxEntry leasedNow = OutboxEntry.builder().from(leased).status(MessageStatus.SENDING).attempts(1)
                .leaseUntil(NOW.plusSeconds(60)).build();
        OutboxEntry expiredNow = OutboxEntry.builder().from(expired).status(MessageStatus.SENDING).attempts(2)
                .leaseUntil(NOW.minusSeconds(1)).build();
        inTx((StoreTransaction tx) -> {
            tx.outbox().updateOutboxEntries(List.of(leasedNow, expiredNow));
            return null;
        });
        return new Queue(later, first, scheduledDue, leased, leasedNow, expired, expiredNow);
    }

    @Test
    @DisplayName("F31 claimable entries: pending and due, not under a live lease, earliest due first, limited")
    void claimable() {
        Queue q = queueOneOfEach();

        List<OutboxEntry> due = inTx((StoreTransaction tx) -> tx.outbox().lockClaimableOutboxEntries(NOW, 10));
        assertThat(due).extracting(OutboxEntry::messageId)
                .containsExactly(q.expired().messageId(), q.first().messageId(), q.scheduledDue().messageId());
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockClaimableOutboxEntries(NOW, 2))).hasSize(2);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockClaimableOutboxEntries(NOW.plusSeconds(10), 10)))
                .extracting(OutboxEntry::messageId).contains(q.later().messageId());
        assertThat(store.accountsWithClaimableOutbox(NOW, 1_000_000)).contains(account);
    }

    @Test
    @DisplayName("F31 a claim takes the claimable entries, earliest due first, and writes each as OutboxEntry.claimed says, its message SENDING")
    void claimWritesTheClaim() {
        Queue q = queueOneOfEach();
        Instant leaseUntil = NOW.plusSeconds(120);

        List<OutboxEntry> claimed = inTx((StoreTransaction tx) -> tx.claimOutboxEntries(NOW, 2, leaseUntil));
        List<OutboxEntry> rest = inTx((StoreTransaction tx) -> tx.claimOutboxEntries(NOW, 10, leaseUntil));

        assertThat(claimed).containsExactly(q.expiredNow(), q.first());
        assertThat(rest).containsExactly(q.scheduledDue());
        for (OutboxEntry before : List.of(q.expiredNow(), q.first(), q.scheduledDue())) {
            assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(before.messageId())))
                    .contains(before.claimed(NOW, leaseUntil));
            assertThat(inTx((StoreTransaction tx) -> tx.messages().findMessage(before.messageId())))
                    .hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(MessageStatus.SENDING));
        }
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(q.later().messageId()))).contains(q.later());
        assertThat(inTx((StoreTransaction tx) -> tx.messages().findMessage(q.later().messageId())))
                .hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(MessageStatus.QUEUED));
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(q.leased().messageId()))).contains(q.leasedNow());
        assertThat(inTx((StoreTransaction tx) -> tx.claimOutboxEntries(NOW, 10, leaseUntil))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.claimOutboxEntries(leaseUntil, 10, leaseUntil.plusSeconds(60))))
                .extracting(OutboxEntry::messageId)
                .containsExactlyInAnyOrder(q.later().messageId(), q.leased().messageId(), q.expired().messageId(),
                        q.first().messageId(), q.scheduledDue().messageId());
    }

    @Test
    @DisplayName("F31 results are recorded without a lock where nothing moved the entry since its claim and no report waits for it")
    void recordIfUnchangedSinceTheClaim() {
        List<OutboxEntry> queued = IntStream.range(0, 4).mapToObj(i -> queue(MessageStatus.QUEUED, NOW.minusSeconds(10 - i)))
                .toList();
        Instant leaseUntil = NOW.plusSeconds(120);
        List<OutboxEntry> claimed = inTx((StoreTransaction tx) -> tx.claimOutboxEntries(NOW, 10, leaseUntil)).stream()
                .map(entry -> entry.claimed(NOW, leaseUntil)).toList();
        assertThat(claimed).extracting(OutboxEntry::messageId)
                .containsExactlyElementsOf(queued.stream().map(OutboxEntry::messageId).toList());
        Instant later = NOW.plusSeconds(1);
        // the second one's lease ran out and another dispatcher claimed it again; the third one's
        // delivery report came before its acceptance is recorded
        OutboxEntry reclaimed = OutboxEntry.builder().from(claimed.get(1)).attempts(2).leaseUntil(later.plusSeconds(120))
                .updatedAt(later).build();
        UnmatchedDeliveryReport early = new UnmatchedDeliveryReport("simulator",
                DeliveryReport.of("SM-2", DeliveryStatus.DELIVERED, later), later);
        inTx((StoreTransaction tx) -> {
            tx.updateOutboxStates(List.of(reclaimed));
            tx.reports().insertUnmatchedReport(early);
            return null;
        });
        List<OutboxEntry> after = List.of(
                OutboxEntry.builder().from(claimed.get(0)).status(MessageStatus.SENT).carrierMessageId("SM-0")
                        .leaseUntil(Optional.empty()).updatedAt(later).build(),
                OutboxEntry.builder().from(claimed.get(1)).status(MessageStatus.SENT).carrierMessageId("SM-1")
                        .leaseUntil(Optional.empty()).updatedAt(later).build(),
                OutboxEntry.builder().from(claimed.get(2)).status(MessageStatus.SENT).carrierMessageId("SM-2")
                        .leaseUntil(Optional.empty()).updatedAt(later).build(),
                OutboxEntry.builder().from(claimed.get(3)).status(MessageStatus.QUEUED).dueAt(later.plusSeconds(30))
                        .leaseUntil(Optional.empty()).updatedAt(later).build());

        var written = inTx((StoreTransaction tx) -> tx.updateOutboxStatesIfUnchanged(claimed, after));

        assertThat(written).containsExactlyInAnyOrder(claimed.get(0).messageId(), claimed.get(3).messageId());
        inTx((StoreTransaction tx) -> {
            for (int i : new int[] {0, 3}) {
                assertThat(tx.outbox().findOutboxEntry(after.get(i).messageId())).contains(after.get(i));
                assertThat(tx.messages().findMessage(after.get(i).messageId())).hasValueSatisfying(message -> {
                    assertThat(message.status()).isEqualTo(after.get(i).status());
                    assertThat(message.carrierMessageId()).isEqualTo(after.get(i).carrierMessageId());
                });
            }
            assertThat(tx.outbox().findOutboxEntry(reclaimed.messageId())).contains(reclaimed);
            assertThat(tx.outbox().findOutboxEntry(claimed.get(2).messageId())).contains(claimed.get(2));
            assertThat(tx.messages().findMessage(claimed.get(2).messageId()))
                    .hasValueSatisfying(message -> assertThat(message.status()).isEqualTo(MessageStatus.SENDING));
            assertThat(tx.outbox().lockOutboxEntryByCarrierId("simulator", "SM-0")).contains(after.get(0));
            assertThat(tx.reports().listUnmatchedReports(10)).containsExactly(early);
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.updateOutboxStatesIfUnchanged(claimed, after))).isEmpty();
        assertThatThrownBy(() -> inTx((StoreTransaction tx) -> tx.updateOutboxStatesIfUnchanged(claimed,
                after.subList(0, 3)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inTx((StoreTransaction tx) -> tx.updateOutboxStatesIfUnchanged(
                claimed.subList(0, 2), List.of(after.get(1), after.get(0))))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F31 accounts with claimable work come in id order up to the limit; only future or leased work is not claimable")
    void accountsWithClaimableOutboxInOrder() {
        List<AccountId> due = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AccountId id = newAccount();
            queue(id, newConversation(id, phone(i)), MessageStatus.QUEUED, NOW, NOW);
            due.add(id);
        }
        AccountId future = newAccount();
        queue(future, newConversation(future, phone(10)), MessageStatus.SCHEDULED, NOW.plusSeconds(60), NOW);
        AccountId leased = newAccount();
        OutboxEntry inFlight = queue(leased, newConversation(leased, phone(11)), MessageStatus.QUEUED, NOW, NOW);
        store.inTransaction(leased, tx -> {
            tx.outbox().updateOutboxEntry(OutboxEntry.builder().from(inFlight).status(MessageStatus.SENDING).attempts(1)
                    .leaseUntil(NOW.plusSeconds(60)).build());
            return null;
        });

        List<AccountId> all = store.accountsWithClaimableOutbox(NOW, 1_000_000);
        assertThat(all).containsAll(due).doesNotContain(future, leased).doesNotHaveDuplicates();
        assertThat(all).extracting(AccountId::value).isSorted();
        assertThat(store.accountsWithClaimableOutbox(NOW, 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(store.accountsWithClaimableOutbox(NOW.plusSeconds(61), 1_000_000)).contains(future, leased);
    }

    @Test
    @DisplayName("F31 an update replaces every attribute and moves the carrier-id index with it")
    void updateMovesCarrierIndex() {
        OutboxEntry queued = queue(MessageStatus.QUEUED, NOW);
        OutboxEntry sent = OutboxEntry.builder().from(queued).status(MessageStatus.SENT).carrierMessageId("A")
                .attempts(1).updatedAt(NOW.plusSeconds(1)).build();
        inTx((StoreTransaction tx) -> {
            tx.outbox().updateOutboxEntry(sent);
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(queued.messageId()))).contains(sent);
        inTx((StoreTransaction tx) -> {
            tx.outbox().updateOutboxEntry(OutboxEntry.builder().from(sent).carrierMessageId("B").build());
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockOutboxEntryByCarrierId("simulator", "A"))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockOutboxEntryByCarrierId("simulator", "B"))).isPresent();
        assertThat(store.accountsWithClaimableOutbox(NOW, 1_000_000)).doesNotContain(account);
        assertThat(store.accountsWithQueuedRecipients(1_000_000)).doesNotContain(account);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(10))).isEmpty();
    }

    @Test
    @DisplayName("F27 scheduled entries are listed per account and per conversation, earliest due first, with their zone")
    void scheduledListing() {
        ConversationId other = newConversation(account, phone(1));
        OutboxEntry third = queue(account, other, MessageStatus.SCHEDULED, NOW.plusSeconds(300), NOW);
        OutboxEntry first = queue(MessageStatus.SCHEDULED, NOW.plusSeconds(100));
        OutboxEntry second = queue(MessageStatus.SCHEDULED, NOW.plusSeconds(200));
        queue(MessageStatus.QUEUED, NOW);

        assertThat(inTx((StoreTransaction tx) -> tx.outbox().listScheduledOutboxEntries(10))).extracting(OutboxEntry::messageId)
                .containsExactly(first.messageId(), second.messageId(), third.messageId());
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().listScheduledOutboxEntries(conversation, 10))).extracting(OutboxEntry::messageId)
                .containsExactly(first.messageId(), second.messageId());
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().listScheduledOutboxEntries(1))).hasSize(1);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().listScheduledOutboxEntries(10)).get(0).scheduledFor().orElseThrow().zone())
                .isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    @DisplayName("F31 unmatched delivery reports are kept in arrival order, listed, and taken once by carrier and id")
    void unmatchedReports() {
        DeliveryReport a1 = DeliveryReport.of("A", DeliveryStatus.SENT, NOW);
        DeliveryReport b = DeliveryReport.of("B", DeliveryStatus.DELIVERED, NOW);
        DeliveryReport a2 = new DeliveryReport("A", DeliveryStatus.FAILED, "30003", NOW.plusSeconds(1));
        inTx((StoreTransaction tx) -> {
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", a1, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", b, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("other", a1, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator", a2, NOW.plusSeconds(1)));
            return null;
        });

        assertThat(inTx((StoreTransaction tx) -> tx.reports().listUnmatchedReports(10))).hasSize(4);
        assertThat(inTx((StoreTransaction tx) -> tx.reports().takeUnmatchedReports("simulator", "A")))
                .extracting(UnmatchedDeliveryReport::report).containsExactly(a1, a2);
        assertThat(inTx((StoreTransaction tx) -> tx.reports().takeUnmatchedReports("simulator", "A"))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.reports().listUnmatchedReports(10))).extracting(UnmatchedDeliveryReport::carrierId)
                .containsExactly("simulator", "other");
    }

    @Test
    @DisplayName("F19 a broadcast reads back with its skips in order and its entries counted by status")
    void broadcasts() {
        Broadcast broadcast = Broadcast.builder().id(BroadcastId.random()).name("Sale").requestedRecipients(5)
                .createdAt(NOW).build();
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().insertBroadcast(broadcast, CONTENT);
            tx.broadcasts().appendBroadcastSkips(broadcast.id(), List.of(new BroadcastSkip("+33600000000", SkipReason.OPTED_OUT)));
            tx.broadcasts().appendBroadcastSkips(broadcast.id(), List.of(new BroadcastSkip("nope", SkipReason.INVALID_NUMBER)));
            return null;
        });
        for (MessageStatus status : List.of(MessageStatus.QUEUED, MessageStatus.QUEUED, MessageStatus.FAILED)) {
            OutboxEntry entry = queue(status, NOW);
            inTx((StoreTransaction tx) -> {
                tx.outbox().updateOutboxEntry(OutboxEntry.builder().from(entry).broadcastId(broadcast.id()).build());
                return null;
            });
        }
        queue(MessageStatus.QUEUED, NOW);

        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().findBroadcast(broadcast.id()))).contains(broadcast);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().listBroadcastSkips(broadcast.id()))).extracting(BroadcastSkip::reason)
                .containsExactly(SkipReason.OPTED_OUT, SkipReason.INVALID_NUMBER);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().countOutboxEntriesByStatus(broadcast.id())))
                .isEqualTo(Map.of(MessageStatus.QUEUED, 2L, MessageStatus.FAILED, 1L));
        assertThatThrownBy(() -> inTx((StoreTransaction tx) -> {
            tx.broadcasts().insertBroadcast(broadcast, CONTENT);
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    @DisplayName("F19 a broadcast's content reads back whole, with or without an author; a missing broadcast has none")
    void broadcastContent() {
        Broadcast withAuthor = insertBroadcast(account, "Sale");
        Broadcast anonymous = Broadcast.builder().id(BroadcastId.random()).name("Plain").requestedRecipients(1)
                .createdAt(NOW).build();
        BroadcastContent plain = BroadcastContent.builder().text("Hello").segmentCount(1).encoding(TextEncoding.UCS_2)
                .carrierId("other").build();
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().insertBroadcast(anonymous, plain);
            return null;
        });

        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().findBroadcastContent(withAuthor.id()))).contains(CONTENT);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().findBroadcastContent(anonymous.id()))).contains(plain);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().findBroadcastContent(BroadcastId.random()))).isEmpty();
    }

    @Test
    @DisplayName("F19 queued recipients are taken first in, first out across broadcasts, each once, and counted per broadcast")
    void queuedRecipients() {
        Broadcast first = insertBroadcast(account, "First");
        Broadcast second = insertBroadcast(account, "Second");
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().queueBroadcastRecipients(List.of(recipient(first, 1), recipient(first, 2)));
            tx.broadcasts().queueBroadcastRecipients(List.of(recipient(second, 1)));
            tx.broadcasts().queueBroadcastRecipients(List.of());
            return null;
        });
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().queueBroadcastRecipients(List.of(recipient(first, 3)));
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().countQueuedRecipients(first.id()))).isEqualTo(3);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().countQueuedRecipients(second.id()))).isEqualTo(1);
        assertThat(store.accountsWithQueuedRecipients(1_000_000)).contains(account);

        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(3)))
                .containsExactly(recipient(first, 1), recipient(first, 2), recipient(second, 1));
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().countQueuedRecipients(first.id()))).isEqualTo(1);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().countQueuedRecipients(second.id()))).isZero();
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(10))).containsExactly(recipient(first, 3));
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(10))).isEmpty();
        assertThat(store.accountsWithQueuedRecipients(1_000_000)).doesNotContain(account);
    }

    @Test
    @DisplayName("F19 recipients taken in a transaction that rolls back stay queued, in their place")
    void takeRolledBack() {
        Broadcast broadcast = insertBroadcast(account, "Sale");
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().queueBroadcastRecipients(List.of(recipient(broadcast, 1), recipient(broadcast, 2)));
            return null;
        });
        assertThatThrownBy(() -> inTx((StoreTransaction tx) -> {
            assertThat(tx.broadcasts().takeQueuedRecipients(1)).containsExactly(recipient(broadcast, 1));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(10)))
                .containsExactly(recipient(broadcast, 1), recipient(broadcast, 2));
    }

    @Test
    @DisplayName("F19 threads taking queued recipients at once take each exactly once")
    void concurrentTakes() throws Exception {
        Broadcast broadcast = insertBroadcast(account, "Sale");
        List<QueuedRecipient> all = IntStream.range(1, 201).mapToObj(i -> recipient(broadcast, i)).toList();
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().queueBroadcastRecipients(all);
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<QueuedRecipient>>> takers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                takers.add(pool.submit(() -> {
                    List<QueuedRecipient> mine = new ArrayList<>();
                    List<QueuedRecipient> taken;
                    do {
                        taken = inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(7));
                        assertThat(taken).hasSizeLessThanOrEqualTo(7);
                        mine.addAll(taken);
                    } while (!taken.isEmpty());
                    return mine;
                }));
            }
            List<QueuedRecipient> taken = new ArrayList<>();
            for (Future<List<QueuedRecipient>> taker : takers) {
                taken.addAll(taker.get(60, TimeUnit.SECONDS));
            }
            assertThat(taken).containsExactlyInAnyOrderElementsOf(all);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("F30 purgeable messages are the old ones not waiting to be sent; deleting them removes their entries, then the empty conversation")
    void purgeOperations() {
        Instant old = NOW.minus(Duration.ofDays(100));
        OutboxEntry oldSent = queue(account, conversation, MessageStatus.SENT, old, old);
        OutboxEntry oldQueued = queue(account, conversation, MessageStatus.QUEUED, old, old);
        queue(account, conversation, MessageStatus.SENT, NOW, NOW);
        inTx((StoreTransaction tx) -> {
            tx.conversations().appendAssignmentChange(AssignmentChange.builder().conversationId(conversation).newAssignee(UserId.of("u"))
                    .changedBy(UserId.of("u")).changedAt(old).build());
            return null;
        });

        List<Message> purgeable = inTx((StoreTransaction tx) -> tx.messages().listPurgeableMessages(NOW.minus(Duration.ofDays(90)), 10));
        assertThat(purgeable).extracting(Message::id).containsExactly(oldSent.messageId());

        assertThat(inTx((StoreTransaction tx) -> tx.deleteMessages(conversation, List.of(oldSent.messageId())))).isEqualTo(1);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(oldSent.messageId()))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.messages().findMessage(oldSent.messageId()))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.messages().hasMessages(conversation))).isTrue();

        List<MessageId> rest = inTx((StoreTransaction tx) -> tx.messages().listMessages(conversation, Long.MAX_VALUE, Instant.EPOCH, 10))
                .stream().map(Message::id).toList();
        inTx((StoreTransaction tx) -> {
            tx.deleteMessages(conversation, rest);
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(oldQueued.messageId()))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.messages().hasMessages(conversation))).isFalse();
        inTx((StoreTransaction tx) -> {
            tx.conversations().deleteConversation(conversation);
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.conversations().findConversation(conversation))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.conversations().lockConversationByPhone(phone(0)))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.conversations().assignmentHistory(conversation))).hasSize(1);
        assertThat(inTx((StoreTransaction tx) -> tx.conversations().deleteAssignmentHistory(conversation))).isEqualTo(1);
        assertThat(inTx((StoreTransaction tx) -> tx.conversations().assignmentHistory(conversation))).isEmpty();
    }

    @Test
    @DisplayName("F31 a sending transaction that throws leaves no entry, report, broadcast nor message behind")
    void rollback() {
        MessageId id = MessageId.random();
        assertThatThrownBy(() -> inTx((StoreTransaction tx) -> {
            tx.outbox().insertOutboxEntry(entry(id, conversation, phone(0), MessageStatus.QUEUED, NOW, NOW));
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator",
                    DeliveryReport.of("Z", DeliveryStatus.SENT, NOW), NOW));
            Broadcast broadcast = Broadcast.builder().id(BroadcastId.random()).name("x").requestedRecipients(1)
                    .createdAt(NOW).build();
            tx.broadcasts().insertBroadcast(broadcast, CONTENT);
            tx.broadcasts().queueBroadcastRecipients(List.of(recipient(broadcast, 1)));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(id))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.reports().listUnmatchedReports(10))).isEmpty();
        assertThat(store.accountsWithClaimableOutbox(NOW, 1_000_000)).doesNotContain(account);
        assertThat(store.accountsWithQueuedRecipients(1_000_000)).doesNotContain(account);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(10))).isEmpty();
    }

    @Test
    @DisplayName("F33 another account's outbox, reports and broadcasts look exactly like missing rows")
    void tenancy() {
        AccountId other = newAccount();
        OutboxEntry mine = queue(MessageStatus.QUEUED, NOW);
        inTx((StoreTransaction tx) -> {
            tx.outbox().updateOutboxEntry(OutboxEntry.builder().from(mine).carrierMessageId("MINE").build());
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport("simulator",
                    DeliveryReport.of("X", DeliveryStatus.SENT, NOW), NOW));
            return null;
        });
        Broadcast broadcast = insertBroadcast(account, "Mine");
        inTx((StoreTransaction tx) -> {
            tx.broadcasts().queueBroadcastRecipients(List.of(recipient(broadcast, 1)));
            return null;
        });

        store.inTransaction(other, tx -> {
            assertThat(tx.broadcasts().findBroadcast(broadcast.id())).isEmpty();
            assertThat(tx.broadcasts().findBroadcastContent(broadcast.id())).isEmpty();
            assertThat(tx.broadcasts().countQueuedRecipients(broadcast.id())).isZero();
            assertThat(tx.broadcasts().takeQueuedRecipients(10)).isEmpty();
            assertThat(tx.outbox().findOutboxEntry(mine.messageId())).isEmpty();
            assertThat(tx.outbox().lockOutboxEntryByCarrierId("simulator", "MINE")).isEmpty();
            assertThat(tx.outbox().lockClaimableOutboxEntries(NOW, 10)).isEmpty();
            assertThat(tx.reports().listUnmatchedReports(10)).isEmpty();
            assertThat(tx.messages().listPurgeableMessages(NOW.plusSeconds(1), 10)).isEmpty();
            return null;
        });
        assertThat(store.accountsWithClaimableOutbox(NOW, 1_000_000)).contains(account).doesNotContain(other);
        assertThat(store.accountsWithQueuedRecipients(1_000_000)).contains(account).doesNotContain(other);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().takeQueuedRecipients(10))).containsExactly(recipient(broadcast, 1));
        assertThat(store.listAccountIds()).contains(account, other);
    }

    @Test
    @DisplayName("F25 F31 an entry's national language shift tables read back in order, and an update replaces them")
    void shiftTablesRoundTrip() {
        OutboxEntry queued = queue(MessageStatus.QUEUED, NOW);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(queued.messageId())).orElseThrow().shiftTables())
                .isEmpty();

        OutboxEntry turkish = OutboxEntry.builder().from(queued)
                .shiftTables(List.of(ShiftTable.TURKISH_LOCKING, ShiftTable.TURKISH_SINGLE)).build();
        inTx((StoreTransaction tx) -> {
            tx.outbox().updateOutboxEntry(turkish);
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(queued.messageId()))).contains(turkish);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockClaimableOutboxEntries(NOW, 10)))
                .singleElement().extracting(OutboxEntry::shiftTables)
                .isEqualTo(List.of(ShiftTable.TURKISH_LOCKING, ShiftTable.TURKISH_SINGLE));

        OutboxEntry spanish = OutboxEntry.builder().from(turkish).shiftTables(List.of(ShiftTable.SPANISH_SINGLE)).build();
        inTx((StoreTransaction tx) -> {
            tx.outbox().updateOutboxEntry(spanish);
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(queued.messageId()))).contains(spanish);

        MessageId inserted = MessageId.random();
        OutboxEntry portuguese = OutboxEntry.builder()
                .from(entry(inserted, conversation, phone(0), MessageStatus.SENT, NOW, NOW))
                .shiftTables(List.of(ShiftTable.PORTUGUESE_LOCKING, ShiftTable.PORTUGUESE_SINGLE)).build();
        inTx((StoreTransaction tx) -> {
            tx.outbox().insertOutboxEntries(List.of(portuguese));
            return null;
        });
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().lockOutboxEntries(List.of(inserted)))).containsEntry(inserted, portuguese);
    }

    @Test
    @DisplayName("F31 times read back equal at microsecond precision")
    void microsecondTimes() {
        Instant precise = NOW.plus(123, ChronoUnit.MICROS);
        OutboxEntry entry = queue(MessageStatus.QUEUED, precise);
        assertThat(inTx((StoreTransaction tx) -> tx.outbox().findOutboxEntry(entry.messageId())).orElseThrow().dueAt()).isEqualTo(precise);
    }
}
