package io.github.inboxkit.core.sending;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.retention.RetentionPolicy;
import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Attachment;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The idempotency key's own rules (F46) on the in-memory store: which keys are valid, which
 * windows, what counts as the same request. {@code IdempotencyContract} proves the guarantees on
 * every store.
 */
class IdempotentSendTest {

    private static final IdempotencyKey KEY = IdempotencyKey.of("3f0c6a1e-5b7d-4c8e-9a10-6d2f4b8e7c21");

    private static ImmutableSendRequest.Builder hello() {
        return SendRequest.builder().to(Recipient.number(ALICE)).draft(Draft.ofText("Hello")).idempotencyKey(KEY);
    }

    @Test
    @DisplayName("F46 a key is 1 to 255 visible ASCII characters, compared exactly")
    void validKeys() {
        assertThat(IdempotencyKey.of("a").value()).isEqualTo("a");
        assertThat(IdempotencyKey.of("~".repeat(IdempotencyKey.MAX_LENGTH)).value()).hasSize(255);
        assertThat(IdempotencyKey.of("order:1042/retry=2")).isNotEqualTo(IdempotencyKey.of("ORDER:1042/retry=2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "nul\u0000", "caf\u00e9", "lone\ud800", "new\nline",
            "del\u007f"})
    @DisplayName("F46 a key that is empty or has a character outside visible ASCII is refused with a typed error")
    void invalidKeys(String value) {
        assertThatThrownBy(() -> IdempotencyKey.of(value)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
    }

    @Test
    @DisplayName("F46 a key over 255 characters is refused with a typed error")
    void tooLong() {
        assertThatThrownBy(() -> IdempotencyKey.of("k".repeat(256))).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.requirement()).contains("255"));
    }

    @Test
    @DisplayName("F46 the window is 1 minute to 7 days, 24 hours by default; out of range is a typed error naming the setting")
    void windowBounds() {
        assertThat(Sending.DEFAULT_IDEMPOTENCY_WINDOW).isEqualTo(Duration.ofHours(24));
        InboxKit.builder().sendingOptions(sending -> sending.idempotencyWindow(Duration.ofMinutes(1))
                .idempotencyWindow(Duration.ofDays(7)));
        for (Duration bad : List.of(Duration.ofSeconds(59), Duration.ofDays(7).plusSeconds(1), Duration.ZERO,
                Duration.ofHours(-1))) {
            assertThatThrownBy(() -> InboxKit.builder().sendingOptions(sending -> sending.idempotencyWindow(bad)))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("idempotencyWindow"));
        }
    }

    @Test
    @DisplayName("F31 F30 unmatched reports are kept 1 hour to 365 days, 7 days by default; out of range is a typed error")
    void unmatchedReportRetentionBounds() {
        assertThat(Sending.DEFAULT_UNMATCHED_REPORT_RETENTION).isEqualTo(Duration.ofDays(7));
        InboxKit.builder().sendingOptions(sending -> sending.unmatchedReportRetention(Duration.ofHours(1))
                .unmatchedReportRetention(Duration.ofDays(365)));
        for (Duration bad : List.of(Duration.ofMinutes(59), Duration.ofDays(366))) {
            assertThatThrownBy(() -> InboxKit.builder().sendingOptions(sending -> sending.unmatchedReportRetention(bad)))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("unmatchedReportRetention"));
        }
    }

    @Test
    @DisplayName("F46 any argument changed makes a different request: the key is refused, nothing is queued")
    void everyArgumentCounts() {
        SendingFixture fixture = new SendingFixture();
        fixture.sending.send(ACCOUNT, hello().build());
        byte[] png = SendingTest.PNG;
        List<UnaryOperator<ImmutableSendRequest.Builder>> changes = List.of(
                b -> b.to(Recipient.number(BOB)),
                b -> b.to(Recipient.number(" " + ALICE)),
                b -> b.draft(Draft.ofText("Hello ")),
                b -> b.draft(Draft.builder().text("Hello").attachment(Attachment.of(png, "image/png")).build()),
                b -> b.senderId(SendingFixture.LONG_CODE),
                b -> b.numberPool("main"),
                b -> b.carrierId("simulator"),
                b -> b.author(UserId.of("alice")));
        for (UnaryOperator<ImmutableSendRequest.Builder> change : changes) {
            assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, change.apply(hello()).build()))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }
        assertThat(fixture.send(BOB, "without a key").messageId()).isNotNull();
        assertThat(fixture.sending.send(ACCOUNT, hello().build()).text()).isEqualTo("Hello");
    }

    @Test
    @DisplayName("F46 a schedule's time and zone are part of the request")
    void scheduleTimeCounts() {
        SendingFixture fixture = new SendingFixture();
        var when = SendingFixture.T0.plus(Duration.ofHours(1)).atZone(ZoneId.of("Europe/Paris"));
        OutboxEntry first = fixture.sending.schedule(ACCOUNT, hello().build(), when);

        assertThat(fixture.sending.schedule(ACCOUNT, hello().build(), when)).isEqualTo(first);
        assertThatThrownBy(() -> fixture.sending.schedule(ACCOUNT, hello().build(), when.plusMinutes(1)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> fixture.sending.schedule(ACCOUNT, hello().build(),
                when.withZoneSameInstant(ZoneId.of("Europe/Berlin"))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, hello().build()))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    @DisplayName("F46 F30 a key whose message the retention purge deleted answers NoSuchMessageException, and queues nothing")
    void messagePurgedBeforeKey() {
        SendingFixture fixture = new SendingFixture(options -> options.idempotencyWindow(Duration.ofDays(7))
                .retentionPolicies(account -> RetentionPolicy.ofWindow(Duration.ofDays(1))),
                CarrierCapabilities.builder().messagesPerSecond(1000).build(), 0.0, 0.0, 0.0);
        OutboxEntry first = fixture.sending.send(ACCOUNT, hello().build());
        fixture.drain(3);
        fixture.clock.advance(Duration.ofDays(2));
        assertThat(fixture.retention.purgeExpired(ACCOUNT).messages()).isEqualTo(1);

        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, hello().build()))
                .isInstanceOfSatisfying(NoSuchMessageException.class,
                        e -> assertThat(e.id()).isEqualTo(first.messageId()));
        assertThat(fixture.sending.scheduled(ACCOUNT)).isEmpty();
        assertThat(fixture.carrier.sentMessages()).hasSize(1);
    }
}
