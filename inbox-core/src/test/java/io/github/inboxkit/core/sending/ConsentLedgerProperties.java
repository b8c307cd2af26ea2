package io.github.inboxkit.core.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.ConsentImport;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.MutableClock;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of consent changes through every door (STOP, "stop please", START, an agent's
 * opt-out and re-subscription, an import, a carrier's refusal of an unsubscribed recipient), sends
 * and dispatcher steps: the consent ledger only grows, its latest entry is the model's state, and
 * the send and the dispatcher's re-check enforce exactly that state (F18, F43, F44, architecture
 * invariant 5).
 */
class ConsentLedgerProperties {

    /**
     * Numbers 0 and 1 behave; the carrier refuses every message to number 2 as unsubscribed, so
     * only imports and the carrier change its consent (a confirmation to it would be refused too).
     */
    private static final int NUMBERS = 3;

    private static final int CARRIER_BLOCKED = 2;

    private static final AccountId ACCOUNT = AccountId.of("ledger-properties");

    private static final String SENDER = "+14155550100";

    private static final UserId AGENT = UserId.of("agent");

    sealed interface Action permits Inbound, AgentOut, AgentIn, Import, CarrierError, Send, Dispatch, Wait {}

    record Inbound(int number, String text) implements Action {}

    record AgentOut(int number) implements Action {}

    record AgentIn(int number) implements Action {}

    record Import(int number, boolean optedOut) implements Action {}

    record CarrierError() implements Action {}

    record Send(int number) implements Action {}

    record Dispatch() implements Action {}

    record Wait(int seconds) implements Action {}

    @Provide
    Arbitrary<Action> action() {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, NUMBERS - 1);
        Arbitrary<Integer> behaving = Arbitraries.integers().between(0, CARRIER_BLOCKED - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, behaving.flatMap(n -> Arbitraries.of("STOP", "stop please", "Unsubscribe.", "START",
                        "Start", "hello", "HELP").map(text -> new Inbound(n, text)))),
                Tuple.of(1, behaving.map(AgentOut::new)),
                Tuple.of(1, behaving.map(AgentIn::new)),
                Tuple.of(1, number.flatMap(n -> Arbitraries.of(true, false).map(out -> new Import(n, out)))),
                Tuple.of(1, Arbitraries.just(new CarrierError())),
                Tuple.of(3, behaving.map(Send::new)),
                Tuple.of(2, Arbitraries.just(new Dispatch())),
                Tuple.of(1, Arbitraries.integers().between(1, 600).map(Wait::new)));
    }

    private static String number(int index) {
        return String.format("+1415555%04d", 300 + index);
    }

    @Property(tries = 80)
    @Label("F43 F44 F18 the ledger only grows, its latest entry is the state, and the send and the dispatcher enforce exactly that state")
    void ledgerStateIsWhatTheDispatcherEnforces(@ForAll @Size(max = 40) List<@From("action") Action> actions) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T15:00:00Z"));
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).clock(clock)
                .carrier(SimulatedCarrier.builder().permanentFailure(number(CARRIER_BLOCKED), PermanentReason.OPTED_OUT)
                        .build())
                .build();
        kit.administration().createAccount(ACCOUNT, "Ledger", AccountSettings.builder().addSenderIds(SENDER)
                .defaultSenderId(SENDER).build());
        kit.administration().addUser(ACCOUNT, AGENT, "Agent");
        boolean[] optedOut = new boolean[NUMBERS];
        Map<Integer, List<OptOutRecord>> ledgers = new HashMap<>();
        List<Queued> queued = new ArrayList<>();

        for (Action action : actions) {
            if (action instanceof Inbound inbound) {
                kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId(UUID.randomUUID().toString())
                        .contactNumber(number(inbound.number())).accountNumber(SENDER).text(inbound.text()).build());
                String text = inbound.text().toUpperCase(java.util.Locale.ROOT);
                if (text.startsWith("STOP") || text.startsWith("UNSUBSCRIBE")) {
                    optedOut[inbound.number()] = true;
                } else if (text.equals("START")) {
                    optedOut[inbound.number()] = false;
                }
            } else if (action instanceof AgentOut out) {
                kit.contacts().unsubscribe(ACCOUNT, phone(out.number()), AGENT);
                optedOut[out.number()] = true;
            } else if (action instanceof AgentIn in) {
                kit.contacts().resubscribe(ACCOUNT, phone(in.number()), AGENT);
                optedOut[in.number()] = false;
            } else if (action instanceof Import imported) {
                kit.contacts().importConsent(ACCOUNT, new ConsentImport("property import", List.of(
                        new ConsentImport.Entry(phone(imported.number()),
                                imported.optedOut() ? OptOutAction.OPTED_OUT : OptOutAction.OPTED_IN))));
                optedOut[imported.number()] = imported.optedOut();
            } else if (action instanceof CarrierError) {
                if (!optedOut[CARRIER_BLOCKED]) {
                    queued.add(new Queued(CARRIER_BLOCKED, send(kit, CARRIER_BLOCKED)));
                }
                dispatch(kit, queued, optedOut);
                // the carrier refused every message to the number: it is opted out, by the carrier
                optedOut[CARRIER_BLOCKED] = optedOut[CARRIER_BLOCKED] || queued.stream().anyMatch(q -> q.number() == CARRIER_BLOCKED);
                queued.removeIf(q -> q.number() == CARRIER_BLOCKED);
            } else if (action instanceof Send send) {
                if (optedOut[send.number()]) {
                    assertThatThrownBy(() -> send(kit, send.number())).isInstanceOf(ContactOptedOutException.class);
                } else {
                    queued.add(new Queued(send.number(), send(kit, send.number())));
                }
            } else if (action instanceof Dispatch) {
                dispatch(kit, queued, optedOut);
            } else if (action instanceof Wait wait) {
                clock.advance(Duration.ofSeconds(wait.seconds()));
            }
            for (int n = 0; n < NUMBERS; n++) {
                List<OptOutRecord> history = kit.contacts().subscriptionHistory(ACCOUNT, phone(n));
                List<OptOutRecord> before = ledgers.getOrDefault(n, List.of());
                assertThat(history).as("the ledger of number %d only grows", n).hasSizeGreaterThanOrEqualTo(before.size());
                assertThat(history.subList(0, before.size())).as("the ledger of number %d is never rewritten", n)
                        .containsExactlyElementsOf(before);
                ledgers.put(n, history);
                boolean derived = !history.isEmpty() && history.get(history.size() - 1).action() == OptOutAction.OPTED_OUT;
                assertThat(derived).as("the ledger's state of number %d after %s", n, action).isEqualTo(optedOut[n]);
                assertThat(kit.contacts().isOptedOut(ACCOUNT, phone(n))).isEqualTo(derived);
            }
        }
    }

    private record Queued(int number, MessageId message) {}

    private static PhoneNumber phone(int index) {
        return new PhoneNumber(number(index));
    }

    private static MessageId send(InboxKit kit, int number) {
        return kit.sending().send(ACCOUNT, SendRequest.builder().to(Recipient.number(number(number)))
                .draft(Draft.ofText("Hello " + number)).build()).messageId();
    }

    /**
     * Runs the dispatcher; every tracked message it settles must be SENT to a number the ledger
     * lets through and FAILED as OPTED_OUT to one it stops (the carrier-blocked number's messages
     * fail at the carrier instead).
     */
    private static void dispatch(InboxKit kit, List<Queued> queued, boolean[] optedOut) {
        kit.sending().dispatcher().dispatchDue();
        for (Queued q : List.copyOf(queued)) {
            OutboxEntry entry = kit.sending().outboxEntry(ACCOUNT, q.message()).orElseThrow();
            if (entry.status() == MessageStatus.QUEUED || entry.status() == MessageStatus.SENDING) {
                continue;
            }
            if (q.number() == CARRIER_BLOCKED && !optedOut[CARRIER_BLOCKED]) {
                assertThat(entry.failure()).hasValueSatisfying(failure ->
                        assertThat(failure.reason()).isEqualTo(FailureReason.REJECTED_BY_CARRIER));
                continue;
            }
            if (optedOut[q.number()]) {
                assertThat(entry.failure()).as("a message to opted-out number %d", q.number()).hasValueSatisfying(
                        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.OPTED_OUT));
            } else {
                assertThat(entry.status()).as("a message to subscribed number %d", q.number())
                        .isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
            }
            queued.remove(q);
        }
    }
}
