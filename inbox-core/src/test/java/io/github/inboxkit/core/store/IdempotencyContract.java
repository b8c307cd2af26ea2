package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.DeliveryReportOutcome;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyKeyReusedException;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.ImmutableIdempotencyRecord;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.retention.RetentionOptions;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.sending.SendingOptions;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: host idempotency keys on send, schedule and broadcast (F46), held by the store's unique
 * key on every store and across nodes, and the retention purge of expired keys and of delivery
 * reports no message matched (F30, F31). A store module extends it, implements {@link #newStore()},
 * and, for a database, {@link #secondNode()}: accounts have random ids, so one shared database
 * serves all tests.
 */
public abstract class IdempotencyContract {

    /** The instant the clock starts at. */
    protected static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The store under test. */
    protected InboxStore store;
    private MutableClock clock;
    private SimulatedCarrier carrier;
    private final List<InboxEvent> events = new CopyOnWriteArrayList<>();
    private InboxKit kit;
    private AccountId account;

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /**
     * Another node's store on the same data: for a database, a second store with its own pool and
     * caches; by default the same store.
     *
     * @return the second node's store
     */
    protected InboxStore secondNode() {
        return store;
    }

    /** @return the threads that race in the concurrent tests */
    protected int threads() {
        return 8;
    }

    /** Builds the engine on the store, with a simulated carrier, and a fresh account. */
    @BeforeEach
    protected void setUpEngine() {
        store = newStore();
        clock = new MutableClock(START);
        carrier = SimulatedCarrier.builder().seed(1).clock(clock)
                .capabilities(CarrierCapabilities.builder().messagesPerSecond(1_000_000).build()).build();
        kit = engine(store, options -> { });
        account = newAccount();
        events.clear();
    }

    private InboxKit engine(InboxStore on, Consumer<SendingOptions> options) {
        return engine(on, options, retention -> { });
    }

    private InboxKit engine(InboxStore on, Consumer<SendingOptions> options, Consumer<RetentionOptions> retention) {
        return InboxKit.builder().store(on).clock(clock).carrier(carrier).eventListener(events::add)
                .sendingOptions(options).retentionOptions(retention).build();
    }

    private AccountId newAccount() {
        AccountId id = AccountId.of("acct-" + UUID.randomUUID());
        String sender = StoreContractSupport.freshNumber(); // a number belongs to one account of a store (F45)
        kit.administration().createAccount(id, "Idempotency test", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of(sender)).defaultSenderId(sender).build());
        return id;
    }

    private static String phone(int index) {
        return String.format("+3364%07d", index);
    }

    private static SendRequest request(String key, String to, String text) {
        return SendRequest.builder().to(Recipient.number(to)).draft(Draft.ofText(text))
                .idempotencyKey(IdempotencyKey.of(key)).build();
    }

    private static BroadcastRequest broadcastRequest(String key, List<Recipient> recipients) {
        return BroadcastRequest.builder().name("Winter sale").recipients(recipients)
                .draft(Draft.ofText("Everything -20% this week")).idempotencyKey(IdempotencyKey.of(key)).build();
    }

    /** Recipients {@code phone(from)} and the {@code count - 1} that follow. */
    private static List<Recipient> numbers(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> Recipient.number(phone(i))).toList();
    }

    /** Entries the dispatcher could claim within a year: the messages queued or scheduled. */
    private int pending(AccountId in) {
        return store.inTransaction(in, tx -> tx.outbox().lockClaimableOutboxEntries(START.plus(Duration.ofDays(365)),
                10_000)).size();
    }

    /**
     * Dispatches until nothing is left, and returns the recipients the carrier was sent to among
     * {@code phone(from)} and the {@code count - 1} that follow (a shared database holds other
     * tests' accounts, whose messages the dispatcher sends too; each test uses its own numbers).
     */
    private List<String> dispatchAll(int from, int count) {
        for (int step = 0; step < 1000; step++) {
            var summary = kit.sending().dispatcher().dispatchDue();
            if (summary.written() + summary.claimed() == 0) {
                break;
            }
        }
        List<String> mine = IntStream.range(from, from + count).mapToObj(IdempotencyContract::phone).toList();
        return carrier.sentMessages().stream().map(sent -> sent.submission().recipient()).filter(mine::contains)
                .toList();
    }

    private <T> List<T> race(int tasks, IntFunction<T> task) throws Exception {
        return RealThreads.run(threads(), tasks, task);
    }

    // ----- send and schedule -------------------------------------------------------------------

    @Test
    @DisplayName("F46 a send repeated with its key returns the first message, queues nothing more and publishes nothing")
    void sendRepeated() {
        OutboxEntry first = kit.sending().send(account, request("order-1042", phone(1), "Your order shipped"));
        int published = events.size();
        clock.advance(Duration.ofHours(1));

        OutboxEntry again = kit.sending().send(account, request("order-1042", phone(1), "Your order shipped"));

        assertThat(again).isEqualTo(first);
        assertThat(pending(account)).isEqualTo(1);
        assertThat(events).hasSize(published);
    }

    @Test
    @DisplayName("F46 a repeat returns the first message as it is now, sent or not")
    void repeatAfterDispatch() {
        OutboxEntry first = kit.sending().send(account, request("k-sent", phone(2), "Hi"));
        assertThat(dispatchAll(2, 1)).hasSize(1);

        OutboxEntry again = kit.sending().send(account, request("k-sent", phone(2), "Hi"));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.status()).isEqualTo(MessageStatus.SENT);
        assertThat(dispatchAll(2, 1)).hasSize(1);
    }

    @Test
    @DisplayName("F46 a commit whose acknowledgement was lost: the host retries with the same key and gets the first result")
    void lostAcknowledgement() {
        FaultyStore faulty = new FaultyStore(store);
        InboxKit lossy = engine(faulty, options -> { });
        faulty.loseNextAcknowledgement();

        assertThatThrownBy(() -> lossy.sending().send(account, request("k-ack", phone(3), "Hello")))
                .isInstanceOf(StoreException.class);
        OutboxEntry retried = lossy.sending().send(account, request("k-ack", phone(3), "Hello"));

        assertThat(pending(account)).isEqualTo(1);
        assertThat(kit.sending().outboxEntry(account, retried.messageId())).contains(retried);
    }

    @Test
    @DisplayName("F46 a schedule repeated with its key returns the first scheduled message, even after its time")
    void scheduleRepeated() {
        ZonedDateTime when = START.plus(Duration.ofHours(2)).atZone(PARIS);
        SendRequest reminder = request("appointment-77", phone(4), "See you tomorrow at 10");
        OutboxEntry first = kit.sending().schedule(account, reminder, when);

        assertThat(kit.sending().schedule(account, reminder, when)).isEqualTo(first);
        clock.advance(Duration.ofHours(3));
        assertThat(kit.sending().schedule(account, reminder, when).messageId()).isEqualTo(first.messageId());

        assertThat(kit.sending().scheduled(account)).extracting(OutboxEntry::messageId)
                .containsExactly(first.messageId());
        assertThat(pending(account)).isEqualTo(1);
    }

    @Test
    @DisplayName("F46 a key reused with a different request is refused with the first use's time, and queues nothing")
    void differentRequest() {
        kit.sending().send(account, request("k-reuse", phone(5), "Hello"));
        Instant firstUse = clock.instant();
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> kit.sending().send(account, request("k-reuse", phone(5), "Hello!")))
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, e -> {
                    assertThat(e.key()).isEqualTo(IdempotencyKey.of("k-reuse"));
                    assertThat(e.firstUsedAt()).isEqualTo(firstUse);
                });
        assertThatThrownBy(() -> kit.sending().send(account, request("k-reuse", phone(6), "Hello")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> kit.sending().schedule(account, request("k-reuse", phone(5), "Hello"),
                START.plus(Duration.ofDays(1)).atZone(PARIS)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> kit.sending().broadcast(account,
                broadcastRequest("k-reuse", List.of(Recipient.number(phone(5))))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(pending(account)).isEqualTo(1);
    }

    @Test
    @DisplayName("F46 a key holds 24 hours; after them the same key queues afresh")
    void keyExpires() {
        OutboxEntry first = kit.sending().send(account, request("k-day", phone(7), "Hello"));
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(kit.sending().send(account, request("k-day", phone(7), "Hello")).messageId())
                .isEqualTo(first.messageId());

        clock.advance(Duration.ofSeconds(1));
        OutboxEntry second = kit.sending().send(account, request("k-day", phone(7), "Hello"));

        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        assertThat(pending(account)).isEqualTo(2);
        // the key now stands for the second use: a different request within its new window is refused
        assertThatThrownBy(() -> kit.sending().send(account, request("k-day", phone(7), "Bye")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    @DisplayName("F46 the window is configurable: a key of a one-hour window is free after an hour")
    void configuredWindow() {
        InboxKit hourly = engine(store, options -> options.idempotencyWindow(Duration.ofHours(1)));
        OutboxEntry first = hourly.sending().send(account, request("k-hour", phone(8), "Hello"));
        clock.advance(Duration.ofMinutes(61));

        assertThat(hourly.sending().send(account, request("k-hour", phone(8), "Hello")).messageId())
                .isNotEqualTo(first.messageId());
    }

    @Test
    @DisplayName("F46 keys are scoped by account: two accounts using one key each queue their message")
    void perAccount() {
        AccountId other = newAccount();
        OutboxEntry mine = kit.sending().send(account, request("shared-key", phone(9), "Hello"));
        OutboxEntry theirs = kit.sending().send(other, request("shared-key", phone(9), "Hello"));

        assertThat(theirs.messageId()).isNotEqualTo(mine.messageId());
        assertThat(pending(account)).isEqualTo(1);
        assertThat(pending(other)).isEqualTo(1);
    }

    @Test
    @DisplayName("F46 two nodes racing the same key queue exactly one message, and every caller gets it")
    void racingNodes() throws Exception {
        InboxKit secondNode = engine(secondNode(), options -> { });
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            String to = phone(20 + round);
            List<OutboxEntry> results = race(threads() * 2, i ->
                    (i % 2 == 0 ? kit : secondNode).sending().send(account, request(key, to, "Hello")));

            assertThat(results).extracting(OutboxEntry::messageId).containsOnly(results.get(0).messageId());
            assertThat(results).containsOnly(results.get(0));
        }
        assertThat(pending(account)).isEqualTo(5);
    }

    // ----- broadcast ---------------------------------------------------------------------------

    @Test
    @DisplayName("F46 a broadcast repeated with its key creates one broadcast and queues each recipient once")
    void broadcastRepeated() {
        InboxKit batched = engine(store, options -> options.broadcastBatchSize(3));
        List<Recipient> recipients = new ArrayList<>(numbers(100, 6));
        recipients.add(Recipient.number(phone(100)));
        recipients.add(Recipient.number("not a number"));
        BroadcastRequest request = broadcastRequest("campaign-12", recipients);
        BroadcastResult first = batched.sending().broadcast(account, request);
        assertThat(first.queued()).isEqualTo(6);
        assertThat(first.skipped()).hasSize(2);

        BroadcastResult again = batched.sending().broadcast(account, request);

        assertThat(again).isEqualTo(first);
        assertThat(kit.sending().broadcastProgress(account, first.broadcast().id()).queued()).isEqualTo(6);
        assertThat(dispatchAll(100, 6)).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("F46 a broadcast interrupted half-way is finished, not repeated, by a call with its key")
    void interruptedBroadcast() {
        FaultyStore faulty = new FaultyStore(store);
        InboxKit crashing = engine(faulty, options -> options.broadcastBatchSize(2));
        BroadcastRequest request = broadcastRequest("campaign-13", numbers(200, 9));
        // the creation's transaction and two batches commit; the third batch's fails
        faulty.failSendingTransaction(4);

        assertThatThrownBy(() -> crashing.sending().broadcast(account, request)).isInstanceOf(StoreException.class);
        BroadcastResult finished = engine(store, options -> options.broadcastBatchSize(2)).sending()
                .broadcast(account, request);

        assertThat(finished.queued()).isEqualTo(9);
        assertThat(finished.skipped()).isEmpty();
        assertThat(finished.broadcast().requestedRecipients()).isEqualTo(9);
        assertThat(dispatchAll(200, 9)).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("F46 two nodes racing the same broadcast key create one broadcast; every recipient is queued once")
    void racingBroadcast() throws Exception {
        InboxKit first = engine(store, options -> options.broadcastBatchSize(2));
        InboxKit second = engine(secondNode(), options -> options.broadcastBatchSize(2));
        List<Recipient> recipients = new ArrayList<>(numbers(300, 25));
        recipients.add(Recipient.number(phone(303)));
        BroadcastRequest request = broadcastRequest("campaign-race", recipients);

        List<BroadcastResult> results = race(threads(), i -> (i % 2 == 0 ? first : second).sending()
                .broadcast(account, request));

        assertThat(results).containsOnly(results.get(0));
        assertThat(results.get(0).queued()).isEqualTo(25);
        assertThat(results.get(0).skipped()).hasSize(1);
        assertThat(dispatchAll(300, 25)).hasSize(25).doesNotHaveDuplicates();
    }

    // ----- the store's part --------------------------------------------------------------------

    private static IdempotencyRecord record(String key, Instant createdAt, Duration window) {
        return IdempotencyRecord.builder().key(IdempotencyKey.of(key)).requestHash("ab".repeat(32))
                .messageId(MessageId.random()).recipientsTotal(1).recipientsDone(1).recipientsQueued(1)
                .createdAt(createdAt).expiresAt(createdAt.plus(window)).build();
    }

    private static IdempotencyRecord unfinishedBroadcast(String key, Instant createdAt, Duration window) {
        return IdempotencyRecord.builder().key(IdempotencyKey.of(key)).requestHash("cd".repeat(32))
                .broadcastId(BroadcastId.random()).recipientsTotal(10).recipientsDone(4).recipientsQueued(3)
                .createdAt(createdAt).expiresAt(createdAt.plus(window)).build();
    }

    private void insert(AccountId in, IdempotencyRecord record) {
        store.inTransaction(in, tx -> {
            tx.idempotency().insertIdempotencyRecord(record);
            return null;
        });
    }

    private Optional<IdempotencyRecord> find(AccountId in, String key) {
        return store.inTransaction(in, tx -> tx.idempotency().lockIdempotencyRecord(IdempotencyKey.of(key)));
    }

    @Test
    @DisplayName("F46 the store keeps one record per account and key; it reads back equal, progress and all")
    void storeRecord() {
        IdempotencyRecord sent = record("k-store", START, Duration.ofHours(24));
        IdempotencyRecord broadcast = unfinishedBroadcast("k-store-broadcast", START, Duration.ofHours(24));
        insert(account, sent);
        insert(account, broadcast);
        AccountId other = newAccount();
        insert(other, sent);

        assertThat(find(account, "k-store")).contains(sent);
        assertThat(find(account, "k-store-broadcast")).contains(broadcast);
        assertThatThrownBy(() -> insert(account, record("k-store", START.plusSeconds(1), Duration.ofHours(1))))
                .isInstanceOf(StoreConflictException.class);

        IdempotencyRecord moved = ImmutableIdempotencyRecord.copyOf(broadcast).withRecipientsDone(6)
                .withRecipientsQueued(5);
        store.inTransaction(account, tx -> {
            tx.idempotency().updateIdempotencyRecord(moved);
            tx.idempotency().deleteIdempotencyRecord(IdempotencyKey.of("k-store"));
            return null;
        });
        assertThat(find(account, "k-store-broadcast")).contains(moved);
        assertThat(find(account, "k-store")).isEmpty();
        assertThat(find(other, "k-store")).contains(sent);
    }

    @Test
    @DisplayName("F46 F30 the retention purge deletes expired keys in bounded batches, never a live key or an unfinished broadcast's")
    void purgeExpiredKeys() {
        for (int i = 0; i < 5; i++) {
            insert(account, record("k-old-" + i, START, Duration.ofHours(1)));
        }
        insert(account, unfinishedBroadcast("k-unfinished", START, Duration.ofHours(1)));
        insert(account, record("k-live", START, Duration.ofHours(24)));
        clock.advance(Duration.ofHours(2));

        PurgeSummary summary = engine(store, options -> { }, retention -> retention.purgeBatchSize(2)).retention().purgeExpired(account);

        assertThat(summary.idempotencyKeys()).isEqualTo(5);
        assertThat(find(account, "k-old-0")).isEmpty();
        assertThat(find(account, "k-unfinished")).isPresent();
        assertThat(find(account, "k-live")).isPresent();
        assertThat(store.<Integer>inTransaction(account, tx -> tx.idempotency().deleteExpiredIdempotencyRecords(clock.instant(), 10)))
                .isZero();
    }

    @Test
    @DisplayName("F46 F30 a key purged after its window is free again")
    void purgedKeyIsFree() {
        OutboxEntry first = kit.sending().send(account, request("k-purged", phone(10), "Hello"));
        clock.advance(Duration.ofDays(2));
        assertThat(kit.retention().purgeExpired(account).idempotencyKeys()).isEqualTo(1);

        assertThat(kit.sending().send(account, request("k-purged", phone(10), "Hello")).messageId())
                .isNotEqualTo(first.messageId());
    }

    // ----- unmatched delivery reports ------------------------------------------------------------

    private void unmatchedReport(String carrierMessageId) {
        DeliveryReportOutcome outcome = kit.sending().applyDeliveryReport(account, carrier.id(),
                new DeliveryReport(carrierMessageId, DeliveryStatus.DELIVERED, "", clock.instant()));
        assertThat(outcome).isEqualTo(DeliveryReportOutcome.UNMATCHED);
    }

    @Test
    @DisplayName("F31 F30 the retention purge deletes delivery reports unmatched for 7 days, oldest first, in bounded batches")
    void purgeUnmatchedReports() {
        for (int i = 0; i < 5; i++) {
            unmatchedReport("SM-old-" + i);
        }
        clock.advance(Duration.ofDays(6));
        unmatchedReport("SM-recent");
        clock.advance(Duration.ofDays(1).plusSeconds(1));

        PurgeSummary summary = engine(store, options -> { }, retention -> retention.purgeBatchSize(2)).retention().purgeExpired(account);

        assertThat(summary.unmatchedReports()).isEqualTo(5);
        assertThat(kit.sending().unmatchedReports(account, 10)).extracting(report -> report.report().carrierMessageId())
                .containsExactly("SM-recent");
    }

    @Test
    @DisplayName("F31 F30 how long unmatched reports are kept is configurable")
    void unmatchedReportRetention() {
        unmatchedReport("SM-1");
        clock.advance(Duration.ofHours(2));
        unmatchedReport("SM-2");

        PurgeSummary summary = engine(store, options -> options.unmatchedReportRetention(Duration.ofHours(1)))
                .retention().purgeExpired(account);

        assertThat(summary.unmatchedReports()).isEqualTo(1);
        assertThat(kit.sending().unmatchedReports(account, 10)).extracting(UnmatchedDeliveryReport::receivedAt)
                .containsExactly(clock.instant());
    }

    @Test
    @DisplayName("F31 F30 the store deletes unmatched reports received before a cutoff, at most a batch at a time")
    void deleteUnmatchedReportsInBatches() {
        for (int i = 0; i < 3; i++) {
            unmatchedReport("SM-batch-" + i);
            clock.advance(Duration.ofMinutes(1));
        }
        Instant cutoff = clock.instant();
        unmatchedReport("SM-after");

        assertThat(store.<Integer>inTransaction(account, tx -> tx.reports().deleteUnmatchedReports(cutoff, 2))).isEqualTo(2);
        assertThat(kit.sending().unmatchedReports(account, 10)).extracting(report -> report.report().carrierMessageId())
                .containsExactly("SM-batch-2", "SM-after");
        assertThat(store.<Integer>inTransaction(account, tx -> tx.reports().deleteUnmatchedReports(cutoff, 2))).isEqualTo(1);
        assertThat(store.<Integer>inTransaction(account, tx -> tx.reports().deleteUnmatchedReports(cutoff, 2))).isZero();
    }

    /**
     * A store that fails on demand, around the store under test: a sending transaction that fails
     * before it starts, or one that commits and then reports a failure, as a commit whose
     * acknowledgement was lost does.
     */
    private static final class FaultyStore extends ForwardingInboxStore {
        private final AtomicInteger failAt = new AtomicInteger();
        private final AtomicBoolean loseAcknowledgement = new AtomicBoolean();

        FaultyStore(InboxStore delegate) {
            super(delegate);
        }

        /** The n-th sending transaction from now (1 is the next) fails before it starts. */
        void failSendingTransaction(int n) {
            failAt.set(n);
        }

        void loseNextAcknowledgement() {
            loseAcknowledgement.set(true);
        }

        @Override
        public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
            if (failAt.get() > 0 && failAt.decrementAndGet() == 0) {
                throw new StoreException("the connection was lost");
            }
            T result = delegate.inTransaction(account, work);
            if (loseAcknowledgement.compareAndSet(true, false)) {
                throw new StoreException("the acknowledgement of the commit was lost");
            }
            return result;
        }
    }
}
