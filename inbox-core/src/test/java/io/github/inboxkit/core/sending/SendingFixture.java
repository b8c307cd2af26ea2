package io.github.inboxkit.core.sending;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.retention.Retention;
import io.github.inboxkit.core.retention.RetentionPolicy;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import io.github.inboxkit.core.event.InboxEventListener;
import java.util.function.UnaryOperator;

/**
 * An account, the in-memory store, a simulated carrier and a hand-moved clock, wired to {@link
 * Sending} and {@link Retention} through the front door, {@link InboxKit#builder()}.
 */
final class SendingFixture {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final AccountId ACCOUNT = AccountId.of("acme");
    static final AccountId OTHER = AccountId.of("globex");
    static final String LONG_CODE = "+14155550100";
    static final String POOL_A = "+14155550101";
    static final String POOL_B = "+14155550102";
    static final String ALPHA = "ACME";
    static final String ALICE = "+14155550132";
    static final String BOB = "+14155550133";
    static final String PARIS = "+33612345678";

    final MutableClock clock = new MutableClock(T0);
    final InMemoryInboxStore store = InMemoryInboxStore.create();
    final List<InboxEvent> events = new CopyOnWriteArrayList<>();
    final SimulatedCarrier carrier;
    final InboxKit kit;
    final Sending sending;
    final Retention retention;

    SendingFixture() {
        this(builder -> builder, CarrierCapabilities.builder().mms(410 * 1024).alphanumericSenders(true)
                .maxSegments(10).messagesPerSecond(1000).build(), 0.0, 0.0, 0.0);
    }

    SendingFixture(UnaryOperator<Options> options, CarrierCapabilities capabilities, double transientRate,
            double duplicateRate, double outOfOrderRate) {
        this(options, SimulatedCarrier.builder().seed(7)
                .capabilities(capabilities)
                .transientFailureRate(transientRate)
                .duplicateReportRate(duplicateRate)
                .outOfOrderReportRate(outOfOrderRate));
    }

    SendingFixture(UnaryOperator<Options> options, SimulatedCarrier.Builder carrierBuilder) {
        this(options, carrierBuilder, simulator -> simulator);
    }

    /** The carrier the engine uses may wrap the simulator, to inject faults the simulator has not. */
    SendingFixture(UnaryOperator<Options> options, SimulatedCarrier.Builder carrierBuilder,
            Function<SimulatedCarrier, Carrier> wrap) {
        this(options, carrierBuilder, wrap, memory -> memory);
    }

    /** The store the engine uses may wrap the in-memory store, to inject the database's faults; reads go to the store itself. */
    SendingFixture(UnaryOperator<Options> options, SimulatedCarrier.Builder carrierBuilder,
            Function<SimulatedCarrier, Carrier> wrap, Function<InMemoryInboxStore, InboxStore> wrapStore) {
        this.carrier = carrierBuilder.clock(clock).build();
        InboxKit.Builder builder = InboxKit.builder()
                .store(wrapStore.apply(store))
                .carrier(wrap.apply(carrier))
                .clock(clock)
                .eventListener(events::add)
                .sendingOptions(sending -> sending.random(new Random(3))
                        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofSeconds(1))
                                .maxDelay(Duration.ofSeconds(30)).maxAttempts(6).build()));
        options.apply(new Options(builder));
        this.kit = builder.build();
        this.sending = kit.sending();
        this.retention = kit.retention();
        createAccount(ACCOUNT);
        createAccount(OTHER);
    }

    void createAccount(AccountId id) {
        store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(Account.builder().id(id).name(id.value()).createdAt(T0)
                    .settings(AccountSettings.builder()
                            .senderIds(List.of(LONG_CODE, ALPHA, "12345"))
                            .defaultSenderId(LONG_CODE)
                            .numberPools(Map.of("main", List.of(POOL_A, POOL_B)))
                            .build())
                    .build());
            return null;
        });
    }

    ContactId createContact(AccountId account, String phone) {
        ContactId id = ContactId.random();
        store.inTransaction(account, tx -> {
            tx.contacts().insertContact(Contact.builder().id(id).phone(new PhoneNumber(phone)).firstName("Ann")
                    .createdAt(T0).updatedAt(T0).build());
            return null;
        });
        return id;
    }

    void optOut(AccountId account, String phone) {
        subscription(account, phone, OptOutAction.OPTED_OUT);
    }

    void optIn(AccountId account, String phone) {
        subscription(account, phone, OptOutAction.OPTED_IN);
    }

    private void subscription(AccountId account, String phone, OptOutAction action) {
        store.inTransaction(account, tx -> {
            tx.consent().appendOptOutRecord(OptOutRecord.builder().phone(new PhoneNumber(phone)).action(action)
                    .source(OptOutSource.USER).changedBy(UserId.of("agent")).recordedAt(clock.instant()).build());
            return null;
        });
    }

    OutboxEntry send(String to, String text) {
        return sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(to)).draft(Draft.ofText(text)).build());
    }

    OutboxEntry entry(MessageId id) {
        return sending.outboxEntry(ACCOUNT, id).orElseThrow();
    }

    Optional<Message> message(MessageId id) {
        return store.inTransaction(ACCOUNT, tx -> tx.messages().findMessage(id));
    }

    Optional<Conversation> conversation(String phone) {
        return store.inTransaction(ACCOUNT, tx -> tx.conversations().lockConversationByPhone(new PhoneNumber(phone)));
    }

    InboxCounters counters() {
        return store.inTransaction(ACCOUNT, tx -> tx.counters().counters());
    }

    <T> T read(java.util.function.Function<io.github.inboxkit.core.store.StoreTransaction, T> work) {
        return store.inTransaction(ACCOUNT, work::apply);
    }

    /** Runs dispatcher steps, moving the clock, until nothing is pending or the step budget is spent. */
    void drain(int maxSteps) {
        for (int i = 0; i < maxSteps; i++) {
            sending.dispatcher().dispatchDue();
            clock.advance(Duration.ofSeconds(31));
        }
    }

    /** Hands every report the carrier queued to the engine. */
    void deliverReports() {
        carrier.drainDeliveryReports().forEach(report -> sending.applyDeliveryReport(ACCOUNT, carrier.id(), report));
    }

    /**
     * What a test changes on the fixture's engine: the sending and retention options and the
     * listener, each applied to the front door's builder as {@code InboxKit.Builder} takes them.
     */
    static final class Options {
        private final InboxKit.Builder builder;

        private Options(InboxKit.Builder builder) {
            this.builder = builder;
        }

        Options dispatchBatchSize(int size) {
            builder.sendingOptions(sending -> sending.dispatchBatchSize(size));
            return this;
        }

        Options broadcastBatchSize(int size) {
            builder.sendingOptions(sending -> sending.broadcastBatchSize(size));
            return this;
        }

        Options lease(Duration lease) {
            builder.sendingOptions(sending -> sending.lease(lease));
            return this;
        }

        Options retryPolicy(RetryPolicy policy) {
            builder.sendingOptions(sending -> sending.retryPolicy(policy));
            return this;
        }

        Options carrierCallExecutor(Executor executor) {
            builder.sendingOptions(sending -> sending.carrierCallExecutor(executor));
            return this;
        }

        Options idempotencyWindow(Duration window) {
            builder.sendingOptions(sending -> sending.idempotencyWindow(window));
            return this;
        }

        Options purgeBatchSize(int size) {
            builder.retentionOptions(retention -> retention.purgeBatchSize(size));
            return this;
        }

        Options retentionPolicies(Function<Account, RetentionPolicy> policies) {
            builder.retentionOptions(retention -> retention.retentionPolicies(policies));
            return this;
        }

        Options listener(InboxEventListener listener) {
            builder.eventListener(listener);
            return this;
        }
    }
}
