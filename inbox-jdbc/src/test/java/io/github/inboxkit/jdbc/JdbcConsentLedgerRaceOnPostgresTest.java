package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.ConsentChange;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two engines (two nodes: each its own store, pool and caches) on one PostgreSQL database racing
 * consent changes for the same numbers (F43, F44): every change that applies is appended, none is
 * lost, the derived state is the later change, and the dispatcher enforces that state.
 */
class JdbcConsentLedgerRaceOnPostgresTest {

    private static final int ROUNDS = 20;

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L);

    private static String number() {
        return String.format("+1650555%04d", NEXT.getAndIncrement() % 10_000);
    }

    @Test
    @DisplayName("F43 two nodes racing STOP and START for one number: each applied change appended once, the later decides, the dispatcher agrees")
    void stopAndStartRaceOnTwoNodes() throws Exception {
        InboxKit first = InboxKit.builder().store(SharedStores.postgres()).carrier(SimulatedCarrier.create()).build();
        InboxKit second = InboxKit.builder().store(SharedStores.postgresSecondNode()).carrier(SimulatedCarrier.create())
                .build();
        String sender = "+1650444" + String.format("%04d", NEXT.getAndIncrement() % 10_000);
        AccountId account = AccountId.of("race-" + UUID.randomUUID());
        first.administration().createAccount(account, "Race", AccountSettings.builder().addSenderIds(sender)
                .defaultSenderId(sender).build());
        UserId agent = UserId.of("agent");
        first.administration().addUser(account, agent, "Agent");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String phone = number();
                PhoneNumber number = new PhoneNumber(phone);
                // a message waits in the outbox: the dispatcher must send it or stop it as the race ends
                MessageId waiting = first.sending().send(account, SendRequest.builder().to(Recipient.number(phone))
                        .draft(Draft.ofText("Your order shipped")).build()).messageId();
                CyclicBarrier start = new CyclicBarrier(2);
                boolean agentStarts = round % 2 == 1;
                long pause = round % 4 < 2 ? 0 : 1;
                Future<?> stop = nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return inbound(first, account, sender, phone, "STOP");
                });
                Future<?> restart = nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    // half the rounds start a millisecond late, so that both orders of the race occur
                    Thread.sleep(pause);
                    return agentStarts ? second.contacts().resubscribe(account, number, agent)
                            : inbound(second, account, sender, phone, "START");
                });
                stop.get(30, TimeUnit.SECONDS);
                restart.get(30, TimeUnit.SECONDS);

                List<OptOutRecord> ledger = second.contacts().subscriptionHistory(account, number);
                // serial orders: START first (nothing to undo) then STOP -> [OUT]; STOP then START -> [OUT, IN]
                assertThat(ledger).as("round %d", round).isNotEmpty().hasSizeLessThanOrEqualTo(2);
                assertThat(ledger.get(0).action()).isEqualTo(OptOutAction.OPTED_OUT);
                if (ledger.size() == 2) {
                    assertThat(ledger.get(1).action()).isEqualTo(OptOutAction.OPTED_IN);
                    assertThat(ledger.get(1).change()).isEqualTo(ConsentChange.RESUBSCRIPTION);
                    assertThat(ledger.get(1).recordedAt()).isAfterOrEqualTo(ledger.get(0).recordedAt());
                }
                boolean optedOut = ledger.get(ledger.size() - 1).action() == OptOutAction.OPTED_OUT;
                assertThat(first.contacts().isOptedOut(account, number)).isEqualTo(optedOut);
                assertThat(second.contacts().isOptedOut(account, number)).isEqualTo(optedOut);

                second.sending().dispatcher().dispatchDue();
                first.sending().dispatcher().dispatchDue();
                OutboxEntry settled = first.sending().outboxEntry(account, waiting).orElseThrow();
                if (optedOut) {
                    assertThat(settled.failure()).hasValueSatisfying(failure ->
                            assertThat(failure.reason()).isEqualTo(FailureReason.OPTED_OUT));
                    assertThatThrownBy(() -> second.sending().send(account, SendRequest.builder()
                            .to(Recipient.number(phone)).draft(Draft.ofText("Hi")).build()))
                            .isInstanceOf(ContactOptedOutException.class);
                } else {
                    assertThat(settled.status()).isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
                }
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static Object inbound(InboxKit kit, AccountId account, String sender, String phone, String text) {
        return kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("race-" + UUID.randomUUID())
                .contactNumber(phone).accountNumber(sender).text(text).build());
    }
}
