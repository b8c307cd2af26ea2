package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.SenderIdTakenException;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.WebhookOutcome.Processed;
import io.github.inboxkit.core.webhook.WebhookOutcome.Refusal;
import io.github.inboxkit.core.webhook.WebhookOutcome.Refused;
import io.github.inboxkit.core.webhook.WebhookOutcome.RetryLater;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the webhook front door over a real store (F45). Routing by receiving number, a number
 * owned by one account only (also when two engines race to claim it), unknown numbers, one carrier
 * identity from ingestion to delivery report, two carriers side by side, partial batches, and the
 * HTTP status of every outcome. Numbers are random per test, since stores may be shared.
 */
public abstract class WebhookFrontDoorContract extends StoreContractSupport {

    /** The default carrier, id {@code simulator}. */
    protected SimulatedCarrier simulator;
    /** A second carrier, id {@code backup}, signing with another secret. */
    protected RenamedCarrier backup;
    /** An engine with both carriers. */
    protected InboxKit carriers;

    /** Builds the two carriers and the engine that serves their webhooks. */
    @BeforeEach
    protected void setUpCarriers() {
        simulator = SimulatedCarrier.builder().seed(11).clock(clock).build();
        backup = new RenamedCarrier("backup", SimulatedCarrier.builder().seed(12).clock(clock)
                .webhookSecret("another secret of the backup carrier").build());
        carriers = withCarriers(store);
    }

    private InboxKit withCarriers(InboxStore onStore) {
        return InboxKit.builder().store(onStore).clock(clock).eventListener(events::add)
                .carrier(simulator).carrier(backup).build();
    }

    /** @return a French mobile number no other test uses */
    private AccountId accountOwning(String... numbers) {
        return newAccount(AccountSettings.builder().defaultRegion("FR").senderIds(List.of(numbers))
                .defaultSenderId(numbers[0]).build());
    }

    private List<Message> messagesOf(AccountId in, String contact) {
        return kit.conversations().findByPhone(in, contact)
                .map(conversation -> kit.conversations().messages(in, conversation.id(), 50)).orElse(List.of());
    }

    @Test
    @DisplayName("F45 an inbound message is routed to the account that owns the number it was sent to")
    void routesByNumber() {
        String first = freshNumber();
        String second = freshNumber();
        AccountId firstAccount = accountOwning(first);
        AccountId secondAccount = accountOwning(second);

        WebhookOutcome toFirst = carriers.webhooks().handle("simulator", simulator.inboundWebhook(phone(1), first, "to one"));
        WebhookOutcome toSecond = carriers.webhooks().handle("simulator", simulator.inboundWebhook(phone(1), second, "to two"));

        assertThat(toFirst).isEqualTo(new Processed(1, 0, 0, 0, 0, List.of()));
        assertThat(toFirst.httpStatus()).isEqualTo(200);
        assertThat(toSecond.httpStatus()).isEqualTo(200);
        assertThat(messagesOf(firstAccount, phone(1))).extracting(Message::text).containsExactly("to one");
        assertThat(messagesOf(secondAccount, phone(1))).extracting(Message::text).containsExactly("to two");
    }

    @Test
    @DisplayName("F45 a number's account is found whatever way the carrier writes the number")
    void numberFormats() {
        String number = freshNumber();
        AccountId owner = accountOwning(number.substring(3).replaceFirst("^", "0")); // national: 07...
        InboundMessage withoutPlus = new InboundMessage("NP-1", phone(2), number.substring(1), "no plus",
                List.of(), START);

        WebhookOutcome outcome = carriers.webhooks().handle("simulator",
                simulator.webhookFor(WebhookPayload.ofInbound(List.of(withoutPlus))));

        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(messagesOf(owner, phone(2))).hasSize(1);
    }

    @Test
    @DisplayName("F45 a number belongs to one account: a second account naming it is refused, and may claim it once released")
    void oneOwnerPerNumber() {
        String number = freshNumber();
        AccountId owner = accountOwning(number);

        assertThatThrownBy(() -> accountOwning(number))
                .isInstanceOfSatisfying(SenderIdTakenException.class, taken -> {
                    assertThat(taken.senderId()).isEqualTo(number);
                    assertThat(taken.getMessage()).doesNotContain(number).doesNotContain(owner.value());
                });
        AccountId other = accountOwning(freshNumber());
        assertThatThrownBy(() -> kit.administration().updateSettings(other, AccountSettings.builder()
                .defaultRegion("FR").putNumberPools("pool", List.of(number)).build()))
                .isInstanceOf(SenderIdTakenException.class);
        assertThat(kit.administration().account(other).settings().numberPools()).as("nothing changed").isEmpty();

        kit.administration().updateSettings(owner, AccountSettings.builder().defaultRegion("FR").build());
        kit.administration().updateSettings(other, AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of(number)).build());
        assertThat(((InboxStore) store).accountOwningNumber(number)).contains(other);
    }

    @Test
    @DisplayName("F45 alphanumeric sender IDs belong to one account whatever their case")
    void alphanumericOwnership() {
        String brand = "B" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase();
        accountOwning(brand);

        assertThatThrownBy(() -> accountOwning(brand.toLowerCase())).isInstanceOf(SenderIdTakenException.class);
    }

    @Test
    @DisplayName("F45 two engines racing to claim one number: exactly one account gets it, the others are refused")
    void claimRace() throws Exception {
        String number = freshNumber();
        InboxKit otherNode = kitWith(io.github.inboxkit.core.account.Entitlements.all());
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<AccountId>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                InboxKit node = i % 2 == 0 ? kit : otherNode;
                AccountId id = AccountId.of("race-" + java.util.UUID.randomUUID());
                Callable<Optional<AccountId>> claim = () -> {
                    start.await();
                    try {
                        node.administration().createAccount(id, "Racer", AccountSettings.builder().defaultRegion("FR")
                                .senderIds(List.of(number)).build());
                        return Optional.of(id);
                    } catch (SenderIdTakenException taken) {
                        return Optional.empty();
                    }
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            List<AccountId> winners = new ArrayList<>();
            for (Future<Optional<AccountId>> result : results) {
                result.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
            }
            assertThat(winners).hasSize(1);
            assertThat(((InboxStore) store).accountOwningNumber(number)).contains(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("F45 a message to a number no account owns is refused with 422 and nothing is stored")
    void unknownNumber() {
        String nobodys = freshNumber();

        WebhookOutcome outcome = carriers.webhooks().handle("simulator", simulator.inboundWebhook(phone(3), nobodys, "hello?"));

        assertThat(outcome).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.UNKNOWN_NUMBER);
            assertThat(refused.detail()).doesNotContain(nobodys).contains(nobodys.substring(nobodys.length() - 4));
        });
        assertThat(outcome.httpStatus()).isEqualTo(422);
        assertThat(outcome.responseBody()).doesNotContain(nobodys).doesNotContain("hello?");
        assertThat(((InboxStore) store).accountOwningNumber(nobodys)).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("F38 F45 a blocked sender's webhook is answered with success and only counted in the blocked log")
    void blockedSenderAnsweredWithSuccess() {
        String number = freshNumber();
        AccountId owner = accountOwning(number);
        kit.administration().addUser(owner, alice, "Alice Martin");
        carriers.blocking().block(owner, phone(5), "spam", alice);
        WebhookRequest inbound = simulator.inboundWebhook(phone(5), number, "win a prize");

        assertThat(carriers.webhooks().handle("simulator", inbound)).isEqualTo(new Processed(1, 0, 0, 0, 0, List.of()));
        assertThat(carriers.webhooks().handle("simulator", inbound)).isEqualTo(new Processed(0, 1, 0, 0, 0, List.of()));
        assertThat(messagesOf(owner, phone(5))).isEmpty();
        assertThat(carriers.blocking().blockedLog(owner)).singleElement()
                .satisfies(entry -> assertThat(entry.count()).isEqualTo(1));
    }

    @Test
    @DisplayName("F31 F32 F45 one carrier id end to end: ingested, sent and reported under the carrier's id; a repeat changes nothing")
    void oneCarrierIdEndToEnd() {
        String number = freshNumber();
        AccountId owner = accountOwning(number);
        WebhookRequest inbound = simulator.inboundWebhook(phone(4), number, "Are you open?");

        assertThat(carriers.webhooks().handle("simulator", inbound)).isEqualTo(new Processed(1, 0, 0, 0, 0, List.of()));
        assertThat(carriers.webhooks().handle("simulator", inbound)).isEqualTo(new Processed(0, 1, 0, 0, 0, List.of()));
        Message received = messagesOf(owner, phone(4)).get(0);
        assertThat(received.carrierMessageId()).hasValueSatisfying(id -> assertThat(id).startsWith("simulator:"));

        sendOtherTestsQueuedMessages();
        OutboxEntry reply = carriers.sending().send(owner, SendRequest.builder().to(Recipient.number(phone(4)))
                .draft(Draft.ofText("Yes, until 6pm")).build());
        carriers.sending().dispatcher().dispatchDue();
        assertThat(carriers.sending().outboxEntry(owner, reply.messageId()).orElseThrow().carrierId()).isEqualTo("simulator");
        WebhookRequest reports = simulator.drainDeliveryReportWebhook().orElseThrow();

        WebhookOutcome applied = carriers.webhooks().handle("simulator", reports);

        assertThat(applied).isInstanceOfSatisfying(Processed.class, processed -> {
            assertThat(processed.reportsApplied()).isPositive();
            assertThat(processed.reportsKept()).isZero();
        });
        assertThat(carriers.sending().outboxEntry(owner, reply.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.DELIVERED);
        assertThat(messagesOf(owner, phone(4))).hasSize(2);
    }

    @Test
    @DisplayName("F45 two carriers side by side: each request reaches its own carrier, the same message id from both is two messages")
    void twoCarriers() {
        String number = freshNumber();
        AccountId owner = accountOwning(number);
        InboundMessage same = new InboundMessage("ID-1", phone(5), number, "hello", List.of(), START);
        WebhookRequest viaSimulator = simulator.webhookFor(WebhookPayload.ofInbound(List.of(same)));
        WebhookRequest viaBackup = backup.simulator().webhookFor(WebhookPayload.ofInbound(List.of(same)));

        assertThat(carriers.webhooks().carrierIds()).containsExactly("simulator", "backup");
        assertThat(carriers.webhooks().handle("backup", viaSimulator).httpStatus())
                .as("signed by the other carrier").isEqualTo(401);
        assertThat(carriers.webhooks().handle("simulator", viaSimulator).httpStatus()).isEqualTo(200);
        assertThat(carriers.webhooks().handle("backup", viaBackup)).isEqualTo(new Processed(1, 0, 0, 0, 0, List.of()));
        assertThat(messagesOf(owner, phone(5))).extracting(message -> message.carrierMessageId().orElseThrow())
                .containsExactly("simulator:ID-1", "backup:ID-1");

        sendOtherTestsQueuedMessages();
        OutboxEntry sent = carriers.sending().send(owner, SendRequest.builder().to(Recipient.number(phone(5)))
                .carrierId("backup").draft(Draft.ofText("via backup")).build());
        carriers.sending().dispatcher().dispatchDue();
        WebhookRequest reports = backup.simulator().drainDeliveryReportWebhook().orElseThrow();
        assertThat(carriers.webhooks().handle("backup", reports)).isInstanceOfSatisfying(Processed.class,
                processed -> assertThat(processed.reportsApplied()).isPositive());
        assertThat(carriers.sending().outboxEntry(owner, sent.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("F45 each outcome's HTTP status: 401 unsigned, forged or signed twice, 400 malformed, 404 unknown carrier")
    void refusalStatuses() {
        String number = freshNumber();
        accountOwning(number);
        WebhookRequest valid = simulator.inboundWebhook(phone(6), number, "hi");
        WebhookRequest forged = valid.withBody("v=1&inbound.count=0&report.count=0".getBytes(StandardCharsets.US_ASCII));
        WebhookRequest forgedAfterValid = valid.withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER,
                forged.header(SimulatedCarrier.SIGNATURE_HEADER).orElseThrow());

        assertThat(refusal(valid.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER))).isEqualTo(Refusal.SIGNATURE_MISSING);
        assertThat(refusal(forged)).isEqualTo(Refusal.SIGNATURE_INVALID);
        assertThat(refusal(forgedAfterValid)).isEqualTo(Refusal.SIGNATURE_INVALID);
        assertThat(refusal(simulator.signedRequest("not a form".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(Refusal.MALFORMED);
        assertThat(carriers.webhooks().handle("simulator", forged).httpStatus()).isEqualTo(401);
        assertThat(carriers.webhooks().handle("simulator", simulator.signedRequest(new byte[] {1})).httpStatus())
                .isEqualTo(400);
        WebhookOutcome unknownCarrier = carriers.webhooks().handle("twilio", valid);
        assertThat(unknownCarrier).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.UNKNOWN_CARRIER));
        assertThat(unknownCarrier.httpStatus()).isEqualTo(404);
        assertThat(messagesOf(account, phone(6))).isEmpty();
        assertThat(carriers.webhooks().handle("simulator", valid).httpStatus()).as("the valid one alone").isEqualTo(200);
    }

    private Refusal refusal(WebhookRequest request) {
        WebhookOutcome outcome = carriers.webhooks().handle("simulator", request);
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).refusal();
    }

    @Test
    @DisplayName("F45 a store that fails answers 503 and keeps what it stored; the carrier's retry stores the rest, nothing twice")
    void storeFailureRetryLater() {
        String number = freshNumber();
        AccountId owner = accountOwning(number);
        WebhookRequest batch = simulator.webhookFor(WebhookPayload.ofInbound(List.of(
                simulator.inboundMessage(phone(7), number, "one"),
                simulator.inboundMessage(phone(7), number, "two"),
                simulator.inboundMessage(phone(7), number, "three"))));
        FailingStore failing = new FailingStore((InboxStore) store, 1);

        WebhookOutcome down = withCarriers(failing).webhooks().handle("simulator", batch);

        assertThat(down).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.cause()).isEqualTo(RetryLater.Cause.STORE_UNAVAILABLE));
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(messagesOf(owner, phone(7))).extracting(Message::text).containsExactly("one");

        WebhookOutcome retried = carriers.webhooks().handle("simulator", batch);

        assertThat(retried).isEqualTo(new Processed(2, 1, 0, 0, 0, List.of()));
        assertThat(messagesOf(owner, phone(7))).extracting(Message::text).containsExactly("one", "two", "three");
    }

    @Test
    @DisplayName("F45 a batch with a message to an unknown number stores the others and lists the refused one, 200")
    void partialBatch() {
        String number = freshNumber();
        String nobodys = freshNumber();
        AccountId owner = accountOwning(number);
        WebhookRequest batch = simulator.webhookFor(WebhookPayload.ofInbound(List.of(
                simulator.inboundMessage(phone(8), number, "one"),
                new InboundMessage("LOST-1", phone(8), nobodys, "astray", List.of(), START),
                simulator.inboundMessage(phone(8), number, "three"))));

        WebhookOutcome outcome = carriers.webhooks().handle("simulator", batch);

        assertThat(outcome).isInstanceOfSatisfying(Processed.class, processed -> {
            assertThat(processed.messagesStored()).isEqualTo(2);
            assertThat(processed.refusedItems()).singleElement().satisfies(item -> {
                assertThat(item.index()).isEqualTo(1);
                assertThat(item.carrierMessageId()).isEqualTo("LOST-1");
                assertThat(item.refusal()).isEqualTo(Refusal.UNKNOWN_NUMBER);
            });
        });
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(messagesOf(owner, phone(8))).extracting(Message::text).containsExactly("one", "three");
    }

    @Test
    @DisplayName("F45 a carrier parser that throws answers 500, so that the carrier sends the request again")
    void unexpectedFailure() {
        InboxKit broken = InboxKit.builder().store(store).clock(clock).carrier(new RenamedCarrier("broken", simulator) {
            @Override
            public WebhookPayload parseWebhook(WebhookRequest request) {
                throw new IllegalStateException("a bug in a vendor's jar");
            }
        }).build();

        WebhookOutcome outcome = broken.webhooks().handle("broken", simulator.inboundWebhook(phone(9), freshNumber(), "x"));

        assertThat(outcome).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.cause()).isEqualTo(RetryLater.Cause.UNEXPECTED_FAILURE));
        assertThat(outcome.httpStatus()).isEqualTo(500);
    }

    @Test
    @DisplayName("F45 a URL that names the account: reports without a sender are applied there, messages to its numbers only")
    void accountRoute() {
        String number = freshNumber();
        AccountId owner = accountOwning(number);
        AccountId stranger = accountOwning(freshNumber());
        sendOtherTestsQueuedMessages();
        OutboxEntry sent = carriers.sending().send(owner, SendRequest.builder().to(Recipient.number(phone(10)))
                .draft(Draft.ofText("hello")).build());
        carriers.sending().dispatcher().dispatchDue();
        List<io.github.inboxkit.carrier.DeliveryReport> anonymous = simulator.drainDeliveryReports().stream()
                .map(report -> new io.github.inboxkit.carrier.DeliveryReport(report.carrierMessageId(), report.status(),
                        report.carrierErrorCode(), report.occurredAt()))
                .toList();
        WebhookRequest reports = simulator.webhookFor(WebhookPayload.ofReports(anonymous));

        WebhookOutcome byNumber = carriers.webhooks().handle("simulator", reports);
        assertThat(byNumber).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.NO_SENDER_NUMBER));
        assertThat(byNumber.httpStatus()).isEqualTo(422);
        assertThat(carriers.webhooks().handle("simulator", owner, reports).httpStatus()).isEqualTo(200);
        assertThat(carriers.sending().outboxEntry(owner, sent.messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.DELIVERED);

        WebhookOutcome misrouted = carriers.webhooks().handle("simulator", stranger,
                simulator.inboundWebhook(phone(10), number, "not for the stranger"));
        assertThat(misrouted).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.UNKNOWN_NUMBER));
        assertThat(messagesOf(stranger, phone(10))).isEmpty();
    }

    /** A carrier under another id: a second simulator, as a second vendor would be. */
    public static class RenamedCarrier implements Carrier {
        private final String id;
        private final SimulatedCarrier simulator;

        /**
         * @param id the id
         * @param simulator what it delegates to
         */
        public RenamedCarrier(String id, SimulatedCarrier simulator) {
            this.id = id;
            this.simulator = simulator;
        }

        /** @return the simulator behind it */
        public SimulatedCarrier simulator() {
            return simulator;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public CarrierCapabilities capabilities() {
            return simulator.capabilities();
        }

        @Override
        public SubmitResult submit(OutboundSubmission submission) {
            return simulator.submit(submission);
        }

        @Override
        public WebhookPayload parseWebhook(WebhookRequest request) {
            return simulator.parseWebhook(request);
        }
    }

    /** A store whose transactions fail, as a database that went down does, after a number of them. */
    static final class FailingStore extends ForwardingInboxStore {
        private final AtomicInteger left;

        FailingStore(InboxStore store, int transactionsBeforeFailing) {
            super(store);
            this.left = new AtomicInteger(transactionsBeforeFailing);
        }

        private void maybeFail() {
            if (left.getAndDecrement() <= 0) {
                throw new StoreException("the database failed to open a connection; nothing was written");
            }
        }

        @Override
        public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
            maybeFail();
            return delegate.inTransaction(account, work);
        }

    }

    /**
     * A store shared by several test classes may hold messages other tests queued and never
     * dispatched; a dispatcher step sends every account's due messages. This sends them, and drops
     * their reports, so that the reports a test reads are those of its own messages.
     */
    private void sendOtherTestsQueuedMessages() {
        DispatchSummary step;
        int steps = 0;
        do {
            step = carriers.sending().dispatcher().dispatchDue();
        } while ((step.claimed() > 0 || step.written() > 0) && ++steps < 100);
        simulator.drainDeliveryReports();
        backup.simulator().drainDeliveryReports();
    }
}
