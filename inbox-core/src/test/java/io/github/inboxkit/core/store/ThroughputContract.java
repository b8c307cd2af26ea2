package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.SendingOptions;
import io.github.inboxkit.core.sending.ThroughputLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: throughput limits (F50) declared by the host, per sender, per group of senders and per
 * day, kept in the store and taken in the claiming transaction; a message over a limit is deferred,
 * never failed, its attempt not counted. A store module extends it and implements {@link #newStore()}.
 */
public abstract class ThroughputContract {

    private static final Instant START = Instant.parse("2027-05-03T14:00:00Z");

    private InboxStore store;
    private MutableClock clock;
    private SimulatedCarrier carrier;
    private InboxKit kit;
    private AccountId account;
    private final String first = StoreContractSupport.freshNumber();
    private final String second = StoreContractSupport.freshNumber();

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    private void engine(Consumer<SendingOptions> limits) {
        store = newStore();
        clock = new MutableClock(START);
        carrier = SimulatedCarrier.builder().seed(1).clock(clock)
                .capabilities(CarrierCapabilities.builder().messagesPerSecond(1_000_000).build()).build();
        kit = InboxKit.builder().store(store).clock(clock).carrier(carrier).sendingOptions(limits).build();
        account = AccountId.of("acct-" + UUID.randomUUID());
        kit.administration().createAccount(account, "Throughput", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of(first, second)).defaultSenderId(first).build());
    }

    private List<OutboxEntry> send(int count, String from) {
        return IntStream.range(0, count).mapToObj(i -> kit.sending().send(account, SendRequest.builder()
                .to(Recipient.number(String.format("+3361%07d", i))).senderId(from)
                .draft(Draft.ofText("Your code is " + i)).build())).toList();
    }

    private long sentFrom(String sender) {
        return carrier.sentMessages().stream().filter(sent -> sent.submission().sender().value().equals(sender)).count();
    }

    private OutboxEntry entry(OutboxEntry of) {
        return kit.sending().outboxEntry(account, of.messageId()).orElseThrow();
    }

    @Test
    @DisplayName("F50 a message over its sender's rate is deferred, never failed, its attempt not counted")
    void overTheRateIsDeferred() {
        engine(options -> options.throughputLimit(ThroughputLimit.perSender(first, 2, 2)));
        List<OutboxEntry> queued = send(5, first);

        kit.sending().dispatcher().dispatchDue();

        assertThat(sentFrom(first)).as("the burst").isEqualTo(2);
        List<OutboxEntry> waiting = queued.stream().map(this::entry)
                .filter(entry -> entry.status() == MessageStatus.QUEUED).toList();
        assertThat(waiting).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.attempts()).isZero();
            assertThat(entry.failure()).isEmpty();
            assertThat(entry.dueAt()).as("due when the next token is there").isAfter(START);
        });

        clock.advance(Duration.ofMillis(500));
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentFrom(first)).as("one token every half second").isEqualTo(3);
        clock.advance(Duration.ofSeconds(1));
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentFrom(first)).isEqualTo(5);
        assertThat(queued.stream().map(this::entry)).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(MessageStatus.SENT);
            assertThat(entry.attempts()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("F50 a group of senders (a 10DLC campaign) shares one rate")
    void groupSharesOneRate() {
        engine(options -> options.throughputLimit(ThroughputLimit.perSenderGroup("spring-campaign",
                List.of(first, second), 1, 1)));
        send(2, first);
        send(2, second);

        kit.sending().dispatcher().dispatchDue();
        assertThat(sentFrom(first) + sentFrom(second)).isEqualTo(1);
        for (int second = 1; second <= 3; second++) {
            clock.advance(Duration.ofSeconds(1));
            kit.sending().dispatcher().dispatchDue();
            assertThat(sentFrom(first) + sentFrom(this.second)).isEqualTo(1 + second);
        }
    }

    @Test
    @DisplayName("F50 a daily cap defers what is over it to the next UTC day")
    void dailyCap() {
        engine(options -> options.throughputLimit(ThroughputLimit.dailyPerSender(first, 3)));
        List<OutboxEntry> queued = send(5, first);
        send(2, second);

        kit.sending().dispatcher().dispatchDue();
        assertThat(sentFrom(first)).isEqualTo(3);
        assertThat(sentFrom(second)).as("another sender is not capped").isEqualTo(2);
        Instant midnight = Instant.parse("2027-05-04T00:00:00Z");
        assertThat(queued.stream().map(this::entry).filter(entry -> entry.status() == MessageStatus.QUEUED))
                .hasSize(2).allSatisfy(entry -> {
                    assertThat(entry.dueAt()).isEqualTo(midnight);
                    assertThat(entry.attempts()).isZero();
                });

        clock.set(midnight.minusSeconds(1));
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentFrom(first)).isEqualTo(3);
        clock.set(midnight);
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentFrom(first)).isEqualTo(5);
    }

    @Test
    @DisplayName("F50 a carrier's declared rate still paces each of its senders")
    void carrierDeclaredRate() {
        store = newStore();
        clock = new MutableClock(START);
        carrier = SimulatedCarrier.builder().seed(1).clock(clock)
                .capabilities(CarrierCapabilities.builder().messagesPerSecond(2).build()).build();
        kit = InboxKit.builder().store(store).clock(clock).carrier(carrier).build();
        account = AccountId.of("acct-" + UUID.randomUUID());
        kit.administration().createAccount(account, "Throughput", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of(first, second)).defaultSenderId(first).build());
        send(4, first);
        send(4, second);

        kit.sending().dispatcher().dispatchDue();

        assertThat(sentFrom(first)).as("a burst of one second's worth per sender").isEqualTo(2);
        assertThat(sentFrom(second)).isEqualTo(2);
    }
}
