package io.github.inboxkit.core.store;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every store contract test shares: an {@link InboxKit} built on the store under test with a
 * hand-moved clock and an event recorder, a fresh account (region FR) with two users, and helpers.
 *
 * <p>A store module extends the contract classes and implements {@link #newStore()}. Every test
 * uses accounts with random ids, so {@code newStore()} may return one shared store (one database)
 * for all tests.
 */
public abstract class StoreContractSupport {

    /** The instant the clock starts at. */
    protected static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    /** The store under test. */
    protected InboxStore store;
    /** The clock of {@link #kit}. */
    protected MutableClock clock;
    /** The events {@link #kit} published, in order. */
    protected final List<InboxEvent> events = new CopyOnWriteArrayList<>();
    /** The engine under test, with every team feature. */
    protected InboxKit kit;
    /** A fresh account, region FR. */
    protected AccountId account;
    /** A user of {@link #account}: "Alice Martin". */
    protected UserId alice;
    /** A user of {@link #account}: "Bob". */
    protected UserId bob;

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /** Builds the engine and a fresh account. */
    @BeforeEach
    protected void setUpEngine() {
        store = newStore();
        clock = new MutableClock(START);
        kit = kitWith(Entitlements.all());
        account = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        alice = UserId.of("alice");
        bob = UserId.of("bob");
        kit.administration().addUser(account, alice, "Alice Martin");
        kit.administration().addUser(account, bob, "Bob");
        events.clear();
    }

    /**
     * Builds another engine on the same store, clock and event recorder.
     *
     * @param entitlements the plan entitlements
     * @return the engine
     */
    protected InboxKit kitWith(Entitlements entitlements) {
        return InboxKit.builder().store(store).clock(clock).eventListener(events::add).entitlements(entitlements).build();
    }

    /**
     * Creates an account with a random id.
     *
     * @param settings its settings
     * @return its id
     */
    protected AccountId newAccount(AccountSettings settings) {
        AccountId id = AccountId.of("acct-" + UUID.randomUUID());
        kit.administration().createAccount(id, "Test account", settings);
        return id;
    }

    /**
     * The next of the numbers handed out by {@link #freshNumber()}: consecutive from a random start
     * above the fixed numbers tests write by hand (+337 0000 0000 to +337 0999 9999), so that no
     * two calls in one JVM ever return the same number (random draws did collide once thousands of
     * jqwik tries had each taken one).
     */
    private static final AtomicLong NEXT_NUMBER =
            new AtomicLong(10_000_000L + ThreadLocalRandom.current().nextLong(40_000_000L));

    /**
     * A French mobile number no other test of this JVM uses: a number belongs to at most one
     * account of a store (F45), and several test classes share one store.
     *
     * @return a number in E.164, a new one on each call
     */
    protected static String freshNumber() {
        return String.format("+337%08d", NEXT_NUMBER.getAndIncrement());
    }

    /**
     * A French mobile number distinct for each index.
     *
     * @param index 0 to 9 999 999
     * @return the number in E.164 form
     */
    protected static String phone(int index) {
        return String.format("+3361%07d", index);
    }

    /**
     * The parsed form of {@link #phone(int)}.
     *
     * @param index the index
     * @return the number
     */
    protected static PhoneNumber phoneNumber(int index) {
        return new PhoneNumber(phone(index));
    }

    /**
     * Ingests an inbound message into {@link #account} with a fresh carrier id.
     *
     * @param from the sender
     * @param text the text
     * @return the result
     */
    protected ReceivedMessage receive(String from, String text) {
        return receive(account, from, text, "carrier-" + UUID.randomUUID());
    }

    /**
     * Ingests an inbound message.
     *
     * @param into the account
     * @param from the sender
     * @param text the text
     * @param carrierId the carrier's message id
     * @return the result
     */
    protected ReceivedMessage receive(AccountId into, String from, String text, String carrierId) {
        return kit.ingestion().receive(into, IncomingMessage.builder()
                .carrierMessageId(carrierId).contactNumber(from).accountNumber("+33700000001").text(text).build());
    }

    /**
     * Records an outbound message from {@link #alice} in {@link #account}.
     *
     * @param to the recipient
     * @param text the text
     * @return the message
     */
    protected Message send(String to, String text) {
        return kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(new PhoneNumber(to)).text(text).author(alice).build());
    }

    /** @return the badge of {@link #account} */
    protected long badge() {
        return kit.inbox().counters(account).badge();
    }

    /**
     * Moves the clock.
     *
     * @param duration how far
     */
    protected void advance(Duration duration) {
        clock.advance(duration);
    }

    /**
     * The events of a type published so far.
     *
     * @param type the event type
     * @param <E> the type
     * @return the events in order
     */
    protected <E extends InboxEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The conversation id of a result.
     *
     * @param received a result
     * @return its conversation id
     */
    protected static ConversationId idOf(ReceivedMessage received) {
        return received.conversation().id();
    }
}
