package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.MissingValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.erasure.ErasureActor;
import io.github.inboxkit.core.erasure.ErasureCounts;
import io.github.inboxkit.core.erasure.ErasureRecord;
import io.github.inboxkit.core.erasure.ErasureRequest;
import io.github.inboxkit.core.erasure.ErasureResult;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.SkipReason;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: erasure of a contact on request (F40), on every store: nothing of the number is left,
 * other contacts are untouched, counters exact after every batch, batches bounded and resumable,
 * an erased opt-out still refuses a send, accounts apart, events after commit. Accounts have random
 * ids, so one shared database serves all tests.
 */
public abstract class ErasureContract {

    /** The instant the clock starts at. */
    protected static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    private static final MediaReference PHOTO = new MediaReference("image/jpeg", "s3://host-bucket/photo-1.jpg");

    /** The store under test. */
    protected InboxStore store;
    private MutableClock clock;
    private SimulatedCarrier carrier;
    private final List<InboxEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<InboxEvent>> onEvent = new CopyOnWriteArrayList<>();
    private InboxKit kit;
    private AccountId account;
    private final UserId alice = UserId.of("alice");

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /**
     * Where anything of a number is left in an account, whatever the table or aggregate: each hit
     * names where it is. The SQL stores look in every text column of every table; the in-memory
     * store in every aggregate's tables.
     *
     * @param in the account
     * @param number the number
     * @return where it is left, empty if nowhere
     */
    protected abstract List<String> whereNumberIsLeft(AccountId in, PhoneNumber number);

    /** Builds the engine on the store, with a simulated carrier, and a fresh account. */
    @BeforeEach
    protected void setUpEngine() {
        store = newStore();
        clock = new MutableClock(START);
        carrier = SimulatedCarrier.builder().seed(1).clock(clock)
                .capabilities(CarrierCapabilities.builder().messagesPerSecond(1_000_000).build()).build();
        kit = engine(store, 2);
        account = newAccount();
        events.clear();
    }

    private InboxKit engine(InboxStore on, int batchSize) {
        return InboxKit.builder().store(on).clock(clock).carrier(carrier)
                .eventListener(event -> {
                    events.add(event);
                    onEvent.forEach(listener -> listener.accept(event));
                })
                .erasureOptions(options -> options.erasureBatchSize(batchSize)).build();
    }

    private AccountId newAccount() {
        AccountId id = AccountId.of("acct-" + UUID.randomUUID());
        String sender = StoreContractSupport.freshNumber(); // a number belongs to one account of a store (F45)
        kit.administration().createAccount(id, "Erasure test", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of(sender)).defaultSenderId(sender).build());
        kit.administration().addUser(id, alice, "Alice");
        return id;
    }

    private ReceivedMessage receive(AccountId into, PhoneNumber from, String text, MediaReference... media) {
        return kit.ingestion().receive(into, IncomingMessage.builder().carrierMessageId("c-" + UUID.randomUUID())
                .contactNumber(from.e164()).accountNumber("+33700000001").text(text).media(List.of(media)).build());
    }

    private <T> T inTx(TransactionWork<T> work) {
        return store.inTransaction(account, work);
    }

    private static PhoneNumber fresh() {
        return new PhoneNumber(StoreContractSupport.freshNumber());
    }

    private ErasureResult erase(PhoneNumber number) {
        return kit.erasure().erase(account, ErasureRequest.number(number, ErasureActor.user(alice)));
    }

    @Test
    @DisplayName("F40 erasing a contact deletes its thread, messages, custom fields, outbox, scheduled sends, keys, reports and subscription; nothing of the number is left")
    void erasesEverythingOfTheNumber() {
        PhoneNumber erased = fresh();
        PhoneNumber kept = fresh();
        Contact contact = kit.contacts().create(account, erased.e164(), ContactDetails.builder().firstName("Erin")
                .putCustomFields("loyalty", CustomFieldValue.text("gold " + erased.e164())).build());
        receive(account, kept, "I stay");
        ReceivedMessage first = receive(account, erased, "Hello, my number is " + erased.e164(), PHOTO);
        receive(account, erased, "Second");
        kit.team().assign(account, first.conversation().id(), alice, alice);
        // a send a dispatcher handed to a carrier
        OutboxEntry inFlight = kit.sending().send(account, SendRequest.builder().to(Recipient.number(erased.e164()))
                .draft(Draft.ofText("On its way")).build());
        inTx(tx -> tx.claimOutboxEntries(START, 100, START.plus(Duration.ofMinutes(5))));
        OutboxEntry queued = kit.sending().send(account, SendRequest.builder().to(Recipient.contact(contact.id()))
                .draft(Draft.ofText("Your order shipped")).idempotencyKey(IdempotencyKey.of("order-1")).build());
        OutboxEntry scheduled = kit.sending().schedule(account, SendRequest.builder().to(Recipient.number(erased.e164()))
                .draft(Draft.ofText("Reminder")).build(), ZonedDateTime.ofInstant(START.plus(Duration.ofDays(2)), ZoneId.of("UTC")));
        // a delivery report kept for the queued message's carrier id
        inTx(tx -> {
            OutboxEntry entry = tx.outbox().lockOutboxEntry(queued.messageId()).orElseThrow();
            tx.outbox().updateOutboxEntry(OutboxEntry.builder().from(entry).carrierMessageId("cm-" + UUID.randomUUID())
                    .build());
            String carrierMessageId = tx.outbox().findOutboxEntry(queued.messageId()).orElseThrow().carrierMessageId()
                    .orElseThrow();
            tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport(entry.carrierId(),
                    DeliveryReport.of(carrierMessageId, DeliveryStatus.DELIVERED, START), START));
            return null;
        });
        events.clear();

        ErasureResult result = kit.erasure().erase(account, ErasureRequest.contact(contact.id(),
                ErasureActor.described("DPO ticket 4711")));

        ErasureCounts counts = result.record().counts();
        assertThat(counts.messages()).isEqualTo(5);
        assertThat(counts.conversations()).isEqualTo(1);
        assertThat(counts.contacts()).isEqualTo(1);
        assertThat(counts.outboxEntries()).isEqualTo(3);
        assertThat(counts.inFlightSends()).isEqualTo(1);
        assertThat(counts.assignmentChanges()).isEqualTo(1);
        assertThat(counts.idempotencyKeys()).isEqualTo(1);
        assertThat(counts.deliveryReports()).isEqualTo(1);
        assertThat(counts.batches()).as("5 messages in batches of 2, a first and a last transaction").isEqualTo(5);
        assertThat(result.media()).containsExactly(PHOTO);
        assertThat(result.resumed()).isFalse();
        assertThat(result.record().completedAt()).contains(START);
        assertThat(result.record().requestedBy()).isEqualTo(ErasureActor.described("DPO ticket 4711"));

        assertThat(whereNumberIsLeft(account, erased)).isEmpty();
        assertThat(kit.conversations().findByPhone(account, erased.e164())).isEmpty();
        assertThat(kit.contacts().findByPhone(account, erased.e164())).isEmpty();
        assertThatThrownBy(() -> kit.contacts().get(account, contact.id())).isInstanceOf(NoSuchContactException.class);
        assertThat(kit.sending().outboxEntry(account, scheduled.messageId())).isEmpty();
        assertThat(kit.sending().outboxEntry(account, inFlight.messageId())).isEmpty();
        assertThat(kit.sending().scheduled(account)).isEmpty();
        assertThat(kit.contacts().subscriptionHistory(account, erased)).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.idempotency().lockIdempotencyRecord(IdempotencyKey.of("order-1")))).isEmpty();
        assertThat(inTx((StoreTransaction tx) -> tx.reports().listUnmatchedReports(10))).isEmpty();
        assertThat(kit.erasure().findErasures(account, erased)).containsExactly(result.record());

        // the other contact is untouched, and the counters exact
        assertThat(kit.conversations().findByPhone(account, kept.e164())).hasValueSatisfying(conversation ->
                assertThat(conversation.unreadCount()).isEqualTo(1));
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1))
                .isEqualTo(recounted(List.of(erased, kept)));
    }

    @Test
    @DisplayName("F40 counters and the badge are exact after every batch, as the events of each commit see them")
    void countersExactAfterEveryBatch() {
        PhoneNumber erased = fresh();
        PhoneNumber kept = fresh();
        receive(account, kept, "Unread elsewhere");
        for (int i = 0; i < 7; i++) {
            receive(account, erased, "Message " + i);
        }
        ConversationIdHolder holder = new ConversationIdHolder();
        holder.id = kit.conversations().findByPhone(account, erased.e164()).orElseThrow().id();
        // the listener runs after each commit: what it reads is what committed
        List<InboxCounters> seen = new ArrayList<>();
        onEvent.add(event -> {
            if (event instanceof InboxEvent.MessagesErased || event instanceof InboxEvent.ContactErased) {
                InboxCounters maintained = kit.inbox().counters(account);
                assertThat(maintained).isEqualTo(recounted(List.of(erased, kept)));
                seen.add(maintained);
            }
        });

        erase(erased);

        assertThat(eventsOf(InboxEvent.MessagesErased.class)).extracting(InboxEvent.MessagesErased::messages)
                .containsExactly(2, 2, 2, 1);
        assertThat(eventsOf(InboxEvent.MessagesErased.class)).allSatisfy(event ->
                assertThat(event.conversation()).isEqualTo(holder.id));
        assertThat(seen).hasSize(5);
        assertThat(seen.get(0)).isEqualTo(new InboxCounters(2, 0, 2));
        assertThat(seen.get(4)).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(events.get(events.size() - 1)).isInstanceOf(InboxEvent.ContactErased.class);
    }

    private static final class ConversationIdHolder {
        io.github.inboxkit.core.conversation.ConversationId id;
    }

    @Test
    @DisplayName("F40 an erasure interrupted between batches is finished by a repeat of the request, in the same record")
    void resumesWhenInterrupted() {
        PhoneNumber erased = fresh();
        for (int i = 0; i < 6; i++) {
            receive(account, erased, "Message " + i, PHOTO);
        }
        AtomicInteger transactions = new AtomicInteger();
        InboxStore failing = new ForwardingInboxStore(store) {
            @Override
            public <T> T inTransaction(AccountId in, TransactionWork<T> work) {
                // the first transaction and two batches commit; the third batch fails
                if (transactions.incrementAndGet() == 4) {
                    throw new StoreException("connection lost") { };
                }
                return super.inTransaction(in, work);
            }
        };
        InboxKit interrupted = engine(failing, 2);
        events.clear();

        assertThatThrownBy(() -> interrupted.erasure().erase(account,
                ErasureRequest.number(erased, ErasureActor.user(alice)))).isInstanceOf(StoreException.class);

        assertThat(kit.conversations().findByPhone(account, erased.e164())).hasValueSatisfying(conversation ->
                assertThat(conversation.unreadCount()).isEqualTo(2));
        assertThat(kit.inbox().counters(account)).isEqualTo(recounted(List.of(erased)));
        List<ErasureRecord> unfinished = kit.erasure().findErasures(account, erased);
        assertThat(unfinished).singleElement().satisfies(record -> {
            assertThat(record.completedAt()).isEmpty();
            assertThat(record.counts().messages()).isEqualTo(4);
        });
        assertThat(eventsOf(InboxEvent.MessagesErased.class)).flatExtracting(InboxEvent.MessagesErased::media)
                .hasSize(4);

        ErasureResult finished = erase(erased);

        assertThat(finished.resumed()).isTrue();
        assertThat(finished.record().id()).isEqualTo(unfinished.get(0).id());
        assertThat(finished.record().counts().messages()).isEqualTo(6);
        assertThat(finished.record().counts().conversations()).isEqualTo(1);
        assertThat(finished.media()).hasSize(2);
        assertThat(kit.erasure().findErasures(account, erased)).singleElement()
                .satisfies(record -> assertThat(record.completedAt()).isPresent());
        assertThat(whereNumberIsLeft(account, erased)).isEmpty();
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(0, 0, 0));
    }

    @Test
    @DisplayName("F40 F18 an erased STOP still refuses a send, a broadcast copy and a new contact's number, until a START")
    void erasedOptOutStillRefuses() {
        PhoneNumber erased = fresh();
        receive(account, erased, "STOP");
        assertThat(kit.contacts().isOptedOut(account, erased)).isTrue();

        ErasureResult result = erase(erased);

        assertThat(result.record().counts().optOutRecords()).isEqualTo(1);
        assertThat(kit.contacts().subscriptionHistory(account, erased)).isEmpty();
        assertThat(whereNumberIsLeft(account, erased)).isEmpty();
        assertThat(kit.contacts().isOptedOut(account, erased)).isTrue();
        assertThatThrownBy(() -> kit.sending().send(account, SendRequest.builder().to(Recipient.number(erased.e164()))
                .draft(Draft.ofText("Hello again")).build())).isInstanceOf(ContactOptedOutException.class);
        BroadcastResult broadcast = kit.sending().broadcast(account, BroadcastRequest.builder().name("Sale")
                .recipients(List.of(Recipient.number(erased.e164()))).draft(Draft.ofText("Sale!")).build());
        assertThat(broadcast.skipped()).singleElement().satisfies(skip ->
                assertThat(skip.reason()).isEqualTo(SkipReason.OPTED_OUT));

        // the person writes in again, as a new contact: still opted out
        receive(account, erased, "Hi, what are your opening hours?");
        kit.contacts().create(account, erased.e164(), ContactDetails.builder().firstName("New").build());
        assertThat(kit.contacts().isOptedOut(account, erased)).isTrue();
        assertThatThrownBy(() -> kit.sending().send(account, SendRequest.builder().to(Recipient.number(erased.e164()))
                .draft(Draft.ofText("We open at 9")).build())).isInstanceOf(ContactOptedOutException.class);

        receive(account, erased, "START");

        assertThat(kit.contacts().isOptedOut(account, erased)).isFalse();
        kit.sending().send(account, SendRequest.builder().to(Recipient.number(erased.e164()))
                .draft(Draft.ofText("Welcome back")).build());
    }

    @Test
    @DisplayName("F40 F18 a user's resubscription clears an erased opt-out; an erased opt-in leaves no opt-out")
    void resubscriptionClearsAnErasedOptOut() {
        PhoneNumber optedOut = fresh();
        PhoneNumber optedIn = fresh();
        kit.contacts().unsubscribe(account, optedOut, alice);
        kit.contacts().unsubscribe(account, optedIn, alice);
        kit.contacts().resubscribe(account, optedIn, alice);
        erase(optedOut);
        erase(optedIn);

        assertThat(kit.contacts().isOptedOut(account, optedIn)).isFalse();
        assertThat(kit.contacts().isOptedOut(account, optedOut)).isTrue();
        assertThat(kit.contacts().resubscribe(account, optedOut, alice)).isPresent();
        assertThat(kit.contacts().isOptedOut(account, optedOut)).isFalse();
    }

    @Test
    @DisplayName("F40 queued broadcast copies and broadcast skips of the number, as typed, are deleted")
    void broadcastRowsGo() {
        PhoneNumber erased = fresh();
        PhoneNumber stays = fresh();
        String national = "0" + erased.e164().substring(3, 4) + " " + erased.e164().substring(4, 6) + " "
                + erased.e164().substring(6, 8) + " " + erased.e164().substring(8, 10) + " " + erased.e164().substring(10);
        BroadcastResult broadcast = kit.sending().broadcast(account, BroadcastRequest.builder().name("Sale")
                .recipients(List.of(Recipient.number(erased.e164()), Recipient.number(national), Recipient.number(stays.e164())))
                .draft(Draft.ofText("Sale!")).build());
        assertThat(broadcast.skipped()).singleElement().satisfies(skip ->
                assertThat(skip.reason()).isEqualTo(SkipReason.DUPLICATE));

        ErasureResult result = erase(erased);

        assertThat(result.record().counts().broadcastRecipients()).isEqualTo(1);
        assertThat(result.record().counts().broadcastSkips()).isEqualTo(1);
        assertThat(kit.sending().broadcastProgress(account, broadcast.broadcast().id()).queued()).isEqualTo(1);
        assertThat(inTx((StoreTransaction tx) -> tx.broadcasts().listBroadcastSkips(broadcast.broadcast().id()))).isEmpty();
        assertThat(whereNumberIsLeft(account, erased)).isEmpty();
        assertThat(whereNumberIsLeft(account, stays)).isNotEmpty();
    }

    @Test
    @DisplayName("F40 F33 account B cannot erase A's contacts: A's contact id is unknown to B, and B's erasure of the number leaves A's data")
    void tenantIsolation() {
        PhoneNumber number = fresh();
        Contact contact = kit.contacts().create(account, number.e164(), ContactDetails.builder().firstName("Ann").build());
        receive(account, number, "Hello");
        AccountId other = newAccount();

        assertThatThrownBy(() -> kit.erasure().erase(other, ErasureRequest.contact(contact.id(), ErasureActor.user(alice))))
                .isInstanceOf(NoSuchContactException.class);
        ErasureResult inOther = kit.erasure().erase(other, ErasureRequest.number(number, ErasureActor.user(alice)));

        assertThat(inOther.record().counts()).isEqualTo(new ErasureCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2));
        assertThat(kit.contacts().get(account, contact.id())).isEqualTo(contact);
        assertThat(kit.conversations().findByPhone(account, number.e164())).isPresent();
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(kit.erasure().findErasures(account, number)).isEmpty();
        assertThat(kit.erasure().findErasures(other, number)).containsExactly(inOther.record());
        // the hashes of one number differ between accounts: each account has its own key
        erase(number);
        assertThat(kit.erasure().findErasures(account, number).get(0).numberHash())
                .isNotEqualTo(inOther.record().numberHash());
    }

    @Test
    @DisplayName("F40 events follow the commits: each batch's messages and media, then the completed record, never the number")
    void eventsAfterCommit() {
        PhoneNumber erased = fresh();
        receive(account, erased, "With a photo", PHOTO);
        receive(account, erased, "Without");
        receive(account, erased, "Third");
        events.clear();
        List<Boolean> contactGoneWhenAnnounced = new ArrayList<>();
        onEvent.add(event -> {
            if (event instanceof InboxEvent.ContactErased) {
                contactGoneWhenAnnounced.add(kit.conversations().findByPhone(account, erased.e164()).isEmpty());
            }
        });

        ErasureResult result = erase(erased);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(InboxEvent.MessagesErased.class, event -> {
            assertThat(event.messages()).isEqualTo(2);
            assertThat(event.erasure()).isEqualTo(result.record().id());
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(InboxEvent.MessagesErased.class, event ->
                assertThat(event.messages()).isEqualTo(1));
        assertThat(eventsOf(InboxEvent.MessagesErased.class)).flatExtracting(InboxEvent.MessagesErased::media)
                .containsExactly(PHOTO);
        assertThat(events.get(2)).isEqualTo(new InboxEvent.ContactErased(account, result.record()));
        assertThat(contactGoneWhenAnnounced).containsExactly(true);
        assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain(erased.e164().substring(1)));
    }

    @Test
    @DisplayName("F40 a number with nothing stored still gets its proof record; bad requests are refused with typed errors")
    void proofAndRefusals() {
        PhoneNumber unknown = fresh();
        ErasureResult result = erase(unknown);
        assertThat(result.record().counts().messages()).isZero();
        assertThat(result.record().numberHash()).matches("[0-9a-f]{64}");
        assertThat(kit.erasure().findErasures(account, unknown)).containsExactly(result.record());

        assertThatThrownBy(() -> kit.erasure().erase(account, null)).isInstanceOf(MissingValueException.class);
        assertThatThrownBy(() -> kit.erasure().erase(account, ErasureRequest.contact(
                io.github.inboxkit.core.contact.ContactId.random(), ErasureActor.user(alice))))
                .isInstanceOf(NoSuchContactException.class);
        assertThatThrownBy(() -> ErasureActor.described(" ")).isInstanceOf(io.github.inboxkit.core.InvalidValueException.class);
        assertThatThrownBy(() -> InboxKit.builder().erasureOptions(options -> options.erasureBatchSize(0)))
                .isInstanceOf(io.github.inboxkit.core.InvalidValueException.class)
                .hasMessageContaining("erasureBatchSize");
        assertThat(ErasureRequest.number(unknown, ErasureActor.user(alice)).toString())
                .doesNotContain(unknown.e164().substring(1));
    }

    private <E extends InboxEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The counters as counted from the account's conversations, not as maintained. */
    private InboxCounters recounted(List<PhoneNumber> numbers) {
        return inTx(tx -> {
            long open = 0;
            long closed = 0;
            long unread = 0;
            for (PhoneNumber number : numbers) {
                var conversation = tx.conversations().findConversation(
                        tx.conversations().lockConversationByPhone(number).map(Conversation::id)
                                .orElse(new io.github.inboxkit.core.conversation.ConversationId(UUID.randomUUID())));
                if (conversation.isPresent()) {
                    long inboundUnread = tx.messages().listMessages(conversation.get().id(), Long.MAX_VALUE,
                            Instant.EPOCH, 10_000).stream().filter(message -> !message.read()).count();
                    assertThat(conversation.get().unreadCount()).as("unread count of a thread").isEqualTo(inboundUnread);
                    open += conversation.get().state() == io.github.inboxkit.core.conversation.ConversationState.OPEN ? 1 : 0;
                    closed += conversation.get().state() == io.github.inboxkit.core.conversation.ConversationState.CLOSED ? 1 : 0;
                    unread += inboundUnread > 0 ? 1 : 0;
                }
            }
            return new InboxCounters(open, closed, unread);
        });
    }
}
