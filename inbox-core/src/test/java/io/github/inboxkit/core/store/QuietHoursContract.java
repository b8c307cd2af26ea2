package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.ImmutableAccountSettings;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.QuietHoursPolicy;
import io.github.inboxkit.core.compliance.QuietHoursReason;
import io.github.inboxkit.core.compliance.QuietHoursRule;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract: the account's quiet hours wired into sending (F41). A send outside the window is held
 * with a visible reason and release, released by the claim at the window's opening in the
 * recipient's zone (across both DST changes of 2027, for US and Canadian numbers), once across
 * nodes, and counted in events; scheduled sends are decided when they come due; replies within
 * the conversational exemption go at once. A store module extends it, implements {@link
 * #newStore()} and, for a database, {@link #secondNode()}.
 */
public abstract class QuietHoursContract {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String NEW_YORK_NUMBER = "+12125550143";

    /** The store under test. */
    protected InboxStore store;
    private MutableClock clock;
    private SimulatedCarrier carrier;
    private final List<InboxEvent> events = new CopyOnWriteArrayList<>();
    private InboxKit kit;
    private AccountId account;
    private String sender;

    /**
     * Creates the store under test, or returns a shared one.
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /**
     * Another node's store on the same data; by default the same store.
     *
     * @return the second node's store
     */
    protected InboxStore secondNode() {
        return store;
    }

    /** Builds the engine on the store, with a simulated carrier, and a fresh account under the federal window. */
    @BeforeEach
    protected void setUpEngine() {
        store = newStore();
        clock = new MutableClock(Instant.parse("2027-01-04T15:00:00Z"));
        carrier = SimulatedCarrier.builder().seed(1).clock(clock)
                .capabilities(CarrierCapabilities.builder().messagesPerSecond(1_000_000).build()).build();
        kit = engine(store);
        account = AccountId.of("acct-" + UUID.randomUUID());
        sender = StoreContractSupport.freshNumber();
        kit.administration().createAccount(account, "Quiet hours", AccountSettings.builder().defaultRegion("US")
                .senderIds(List.of(sender)).defaultSenderId(sender).quietHours(QuietHoursPolicy.federal()).build());
        events.clear();
    }

    private InboxKit engine(InboxStore on) {
        return InboxKit.builder().store(on).clock(clock).carrier(carrier).eventListener(events::add).build();
    }

    private ImmutableAccountSettings settings() {
        return ImmutableAccountSettings.copyOf(kit.administration().account(account).settings());
    }

    private void at(LocalDateTime local, ZoneId zone) {
        clock.set(local.atZone(zone).toInstant());
    }

    private OutboxEntry send(String to, MessageCategory category) {
        return kit.sending().send(account, SendRequest.builder().to(Recipient.number(to))
                .draft(Draft.ofText("Your order is ready")).category(category).build());
    }

    private OutboxEntry entry(OutboxEntry of) {
        return kit.sending().outboxEntry(account, of.messageId()).orElseThrow();
    }

    private long sentTo(String number) {
        // this account's messages only: a shared database holds other tests' messages, which steps may claim
        return carrier.sentMessages().stream().filter(sent -> sent.submission().recipient().equals(number)
                && sent.submission().sender().value().equals(sender)).count();
    }

    private <E extends InboxEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).filter(event -> event.account().equals(account))
                .map(type::cast).toList();
    }

    static Stream<Arguments> lateEvenings() {
        return Stream.of(
                // the evening before clocks spring forward, and the evening before they fall back
                Arguments.of("New York, spring forward", "+12125550143", "America/New_York", "2027-03-13"),
                Arguments.of("New York, fall back", "+12125550143", "America/New_York", "2027-11-06"),
                Arguments.of("Los Angeles, spring forward", "+12135550143", "America/Los_Angeles", "2027-03-13"),
                Arguments.of("Los Angeles, fall back", "+12135550143", "America/Los_Angeles", "2027-11-06"),
                Arguments.of("Toronto, spring forward", "+14165550143", "America/Toronto", "2027-03-13"),
                Arguments.of("Vancouver, fall back", "+16045550143", "America/Vancouver", "2027-11-06"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateEvenings")
    @DisplayName("F41 a send at 21:30 local is held until 08:00 local the next day, across DST, and released once")
    void heldUntilMorningAcrossDst(String name, String number, String zoneName, String evening) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalDate day = LocalDate.parse(evening);
        Instant release = day.plusDays(1).atTime(8, 0).atZone(zone).toInstant();
        at(day.atTime(21, 30), zone);

        OutboxEntry queued = send(number, MessageCategory.INFORMATIONAL);

        assertThat(queued.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(queued.hold()).hasValueSatisfying(hold -> {
            assertThat(hold.reason()).isEqualTo(QuietHoursReason.OUTSIDE_WINDOW);
            assertThat(hold.releaseAt()).isEqualTo(release);
        });
        assertThat(queued.dueAt()).isEqualTo(release);
        assertThat(entry(queued).hold()).as("the store keeps the hold").isEqualTo(queued.hold());
        assertThat(events(InboxEvent.MessageHeld.class)).singleElement()
                .satisfies(held -> assertThat(held.releaseAt()).isEqualTo(release));

        kit.sending().dispatcher().dispatchDue();
        clock.set(release.minusSeconds(1));
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentTo(number)).as("nothing before 08:00 local").isZero();

        clock.set(release);
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentTo(number)).as("released by the step at 08:00 local").isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        kit.sending().dispatcher().dispatchDue();

        assertThat(sentTo(number)).isEqualTo(1);
        assertThat(events(InboxEvent.MessageReleased.class)).singleElement()
                .satisfies(released -> assertThat(released.message()).isEqualTo(queued.messageId()));
        OutboxEntry sent = entry(queued);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.hold()).isEmpty();
        assertThat(sent.attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("F41 two engines on one database release a held message once")
    void twoEnginesReleaseOnce() throws Exception {
        at(LocalDateTime.parse("2027-03-13T21:30:00"), NEW_YORK);
        OutboxEntry queued = send(NEW_YORK_NUMBER, MessageCategory.INFORMATIONAL);
        InboxKit other = engine(secondNode());
        clock.set(queued.hold().orElseThrow().releaseAt());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DispatchSummary>> steps = Stream.of(kit, other)
                    .map(engine -> pool.submit(() -> {
                        start.await();
                        return engine.sending().dispatcher().dispatchDue();
                    }))
                    .toList();
            start.countDown();
            for (Future<DispatchSummary> step : steps) {
                step.get();
            }
            assertThat(sentTo(NEW_YORK_NUMBER)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        kit.sending().dispatcher().dispatchDue();
        other.sending().dispatcher().dispatchDue();

        assertThat(sentTo(NEW_YORK_NUMBER)).isEqualTo(1);
        assertThat(events(InboxEvent.MessageReleased.class)).hasSize(1);
    }

    @Test
    @DisplayName("F41 a broadcast to four US time zones releases each copy at 08:00 local")
    void broadcastReleasesEachZoneAtItsMorning() {
        Map<String, ZoneId> recipients = Map.of(
                "+12125550101", ZoneId.of("America/New_York"),
                "+13125550101", ZoneId.of("America/Chicago"),
                "+13035550101", ZoneId.of("America/Denver"),
                "+12135550101", ZoneId.of("America/Los_Angeles"));
        LocalDate day = LocalDate.parse("2027-03-20");
        clock.set(day.atTime(5, 0).atZone(ZoneId.of("UTC")).toInstant()); // 01:00 in New York, 22:00 in Los Angeles
        kit.sending().broadcast(account, BroadcastRequest.builder().name("Spring sale")
                .recipients(recipients.keySet().stream().map(Recipient::number).toList())
                .draft(Draft.ofText("Everything -20% this week")).build());

        kit.sending().dispatcher().dispatchDue(); // writes the copies, each held at once
        assertThat(recipients.keySet().stream().mapToLong(this::sentTo).sum()).isZero();
        Map<String, Instant> releases = events(InboxEvent.MessageHeld.class).stream()
                .collect(Collectors.toMap(held -> recipientOf(held), InboxEvent.MessageHeld::releaseAt));
        recipients.forEach((number, zone) -> assertThat(releases.get(number))
                .as(number).isEqualTo(day.atTime(8, 0).atZone(zone).toInstant()));

        // hour by hour: each copy goes in the step at its own 08:00, not before
        Instant hour = day.atTime(11, 0).atZone(ZoneId.of("UTC")).toInstant();
        for (int i = 0; i < 6; i++, hour = hour.plus(Duration.ofHours(1))) {
            clock.set(hour.minusSeconds(1));
            kit.sending().dispatcher().dispatchDue();
            Instant now = hour.minusSeconds(1);
            recipients.forEach((number, zone) -> assertThat(sentTo(number)).as(number + " at " + now)
                    .isEqualTo(now.isBefore(day.atTime(8, 0).atZone(zone).toInstant()) ? 0 : 1));
            clock.set(hour);
            kit.sending().dispatcher().dispatchDue();
            Instant then = hour;
            recipients.forEach((number, zone) -> assertThat(sentTo(number)).as(number + " at " + then)
                    .isEqualTo(then.isBefore(day.atTime(8, 0).atZone(zone).toInstant()) ? 0 : 1));
        }
        assertThat(recipients.keySet().stream().mapToLong(this::sentTo).sum()).isEqualTo(4);
        assertThat(events(InboxEvent.MessageReleased.class)).hasSize(4);
    }

    private String recipientOf(InboxEvent.MessageHeld held) {
        return kit.sending().outboxEntry(account, held.message()).orElseThrow().recipient().e164();
    }

    @Test
    @DisplayName("F41 a reply within the conversational exemption goes at night; marketing and a late reply are held")
    void conversationalExemption() {
        at(LocalDateTime.parse("2027-06-10T22:30:00"), NEW_YORK);
        kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("in-" + UUID.randomUUID())
                .contactNumber(NEW_YORK_NUMBER).accountNumber(sender).text("Is my order ready?").build());
        clock.advance(Duration.ofMinutes(10));

        OutboxEntry reply = send(NEW_YORK_NUMBER, MessageCategory.CONVERSATIONAL);
        OutboxEntry promotion = send(NEW_YORK_NUMBER, MessageCategory.MARKETING);
        assertThat(reply.hold()).isEmpty();
        assertThat(promotion.hold()).isPresent();
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentTo(NEW_YORK_NUMBER)).as("only the reply").isEqualTo(1);

        clock.advance(Duration.ofMinutes(65)); // 23:45: 75 minutes after the contact's message
        OutboxEntry late = send(NEW_YORK_NUMBER, MessageCategory.CONVERSATIONAL);
        assertThat(late.hold()).hasValueSatisfying(hold -> assertThat(hold.releaseAt())
                .isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2027-06-11T08:00:00"), NEW_YORK).toInstant()));
    }

    @Test
    @DisplayName("F41 a scheduled send that comes due at 22:00 local is held at dispatch, its attempt not counted")
    void scheduledSendHeldAtDispatch() {
        at(LocalDateTime.parse("2027-06-10T12:00:00"), NEW_YORK);
        OutboxEntry scheduled = kit.sending().schedule(account, SendRequest.builder()
                .to(Recipient.number(NEW_YORK_NUMBER)).draft(Draft.ofText("Reminder: pick-up tomorrow"))
                .category(MessageCategory.INFORMATIONAL).build(),
                ZonedDateTime.of(LocalDateTime.parse("2027-06-10T22:00:00"), NEW_YORK));
        assertThat(scheduled.hold()).as("decided when it comes due").isEmpty();

        at(LocalDateTime.parse("2027-06-10T22:00:00"), NEW_YORK);
        kit.sending().dispatcher().dispatchDue();

        assertThat(sentTo(NEW_YORK_NUMBER)).isZero();
        OutboxEntry held = entry(scheduled);
        assertThat(held.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(held.attempts()).as("a hold is no attempt").isZero();
        Instant morning = ZonedDateTime.of(LocalDateTime.parse("2027-06-11T08:00:00"), NEW_YORK).toInstant();
        assertThat(held.hold()).hasValueSatisfying(hold -> assertThat(hold.releaseAt()).isEqualTo(morning));
        assertThat(held.dueAt()).isEqualTo(morning);
        assertThat(kit.conversations().get(account, held.conversationId())).isNotNull();

        clock.set(morning);
        kit.sending().dispatcher().dispatchDue();
        assertThat(sentTo(NEW_YORK_NUMBER)).isEqualTo(1);
        assertThat(entry(scheduled).attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("F41 categories the policy does not cover go at night; the default policy is off")
    void uncoveredCategoriesAndDefaultOff() {
        kit.administration().updateSettings(account, settings().withQuietHours(
                QuietHoursPolicy.builder().coveredCategories(List.of(MessageCategory.MARKETING)).build()));
        at(LocalDateTime.parse("2027-06-10T23:00:00"), NEW_YORK);

        assertThat(send(NEW_YORK_NUMBER, MessageCategory.INFORMATIONAL).hold()).isEmpty();
        assertThat(send(NEW_YORK_NUMBER, MessageCategory.MARKETING).hold()).isPresent();
        assertThat(AccountSettings.defaults().quietHours()).isEqualTo(QuietHoursPolicy.off());
    }

    @Test
    @DisplayName("F41 the account's policy is stored whole with its settings")
    void policyRoundTrips() {
        QuietHoursPolicy policy = QuietHoursPolicy.builder()
                .regionRule("US-FL", QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(20, 0))
                        .excludingDays(DayOfWeek.SUNDAY).excludingDates(List.of(LocalDate.parse("2027-07-04"))))
                .coveredCategories(List.of(MessageCategory.MARKETING, MessageCategory.INFORMATIONAL))
                .conversationalExemption(Duration.ofMinutes(30))
                .build();
        kit.administration().updateSettings(account,
                settings().withQuietHours(policy));

        assertThat(kit.administration().account(account).settings().quietHours()).isEqualTo(policy);
        kit.administration().updateSettings(account,
                settings().withQuietHours(QuietHoursPolicy.off()));
        assertThat(kit.administration().account(account).settings().quietHours().isOff()).isTrue();
    }

    @Test
    @DisplayName("F41 a message for which the policy leaves no window fails visibly at the claim")
    void noCommonWindowFails() {
        // 10:00 to 11:00 local can never hold in Honolulu and New York at once; a toll-free number spans both
        kit.administration().updateSettings(account, settings().withQuietHours(
                QuietHoursPolicy.builder().defaultRule(QuietHoursRule.between(LocalTime.of(10, 0), LocalTime.of(11, 0)))
                        .build()));
        at(LocalDateTime.parse("2027-06-10T12:00:00"), NEW_YORK);
        OutboxEntry queued = send("+18005550199", MessageCategory.INFORMATIONAL);

        kit.sending().dispatcher().dispatchDue();

        OutboxEntry failed = entry(queued);
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure()).hasValueSatisfying(failure ->
                assertThat(failure.reason()).isEqualTo(FailureReason.NO_QUIET_HOURS_WINDOW));
        assertThat(sentTo("+18005550199")).isZero();
    }
}
