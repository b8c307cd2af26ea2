package io.github.inboxkit.core.sending;

import io.github.inboxkit.InboxKit;
import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static io.github.inboxkit.core.sending.SendingFixture.OTHER;
import static io.github.inboxkit.core.sending.SendingFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScheduledSendTest {

    private static final ZoneId PARIS_ZONE = ZoneId.of("Europe/Paris");

    private final SendingFixture fixture = new SendingFixture();

    private SendRequest request(String to, String text) {
        return SendRequest.builder().to(Recipient.number(to)).draft(Draft.ofText(text)).build();
    }

    private ZonedDateTime inParis(Duration fromNow) {
        return T0.plus(fromNow).atZone(PARIS_ZONE);
    }

    @Test
    @DisplayName("F27 a scheduled message is sent once, at its time, by the same dispatcher (fake clock)")
    void sentOnceWhenDue() {
        ZonedDateTime when = inParis(Duration.ofHours(2));
        OutboxEntry scheduled = fixture.sending.schedule(ACCOUNT, request(ALICE, "Reminder: appointment"), when);

        assertThat(scheduled.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(scheduled.scheduledFor().orElseThrow().toZonedDateTime()).isEqualTo(when);
        assertThat(fixture.message(scheduled.messageId()).orElseThrow().scheduledFor()).contains(when.toInstant());

        fixture.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(fixture.sending.dispatcher().dispatchDue().isIdle()).isTrue();
        assertThat(fixture.carrier.sentMessages()).isEmpty();

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.sending.dispatcher().dispatchDue().sent()).isEqualTo(1);
        fixture.drain(3);

        assertThat(fixture.carrier.sentMessages()).hasSize(1);
        assertThat(fixture.entry(scheduled.messageId()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixture.sending.scheduled(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("F27 with two nodes dispatching at once, each scheduled message is sent once, at its time")
    void sentOnceWithTwoNodes() throws InterruptedException {
        Sending otherNode = InboxKit.builder().store(fixture.store).carrier(fixture.carrier).clock(fixture.clock)
                .sendingOptions(sending -> sending.dispatchBatchSize(3)).build().sending();
        ZonedDateTime when = inParis(Duration.ofMinutes(30));
        java.util.List<io.github.inboxkit.core.conversation.MessageId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(fixture.sending.schedule(ACCOUNT, request(String.format("+1415558%04d", i), "Reminder " + i), when)
                    .messageId());
        }
        fixture.clock.advance(Duration.ofMinutes(29));
        assertThat(otherNode.dispatcher().dispatchDue().isIdle()).isTrue();
        fixture.clock.advance(Duration.ofMinutes(1));

        java.util.List<Thread> nodes = new java.util.ArrayList<>();
        for (Dispatcher dispatcher : java.util.List.of(fixture.sending.dispatcher(), otherNode.dispatcher())) {
            Thread node = new Thread(() -> {
                for (int step = 0; step < 30; step++) {
                    dispatcher.dispatchDue();
                }
            });
            nodes.add(node);
            node.start();
        }
        for (Thread node : nodes) {
            node.join();
        }

        assertThat(fixture.carrier.sentMessages()).hasSize(40);
        assertThat(fixture.carrier.sentMessages().stream().map(m -> m.submission().idempotencyKey()).distinct())
                .hasSize(40);
        ids.forEach(id -> assertThat(fixture.entry(id).status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    @DisplayName("F27 scheduling in the past or now is refused clearly, nothing stored")
    void pastRefused() {
        assertThatThrownBy(() -> fixture.sending.schedule(ACCOUNT, request(ALICE, "Too late"), inParis(Duration.ZERO)))
                .isInstanceOf(ScheduledTimeInPastException.class)
                .satisfies(e -> assertThat(((ScheduledTimeInPastException) e).requested()).isEqualTo(inParis(Duration.ZERO)));
        assertThatThrownBy(() -> fixture.sending.schedule(ACCOUNT, request(ALICE, "Too late"),
                inParis(Duration.ofMinutes(-5)))).isInstanceOf(ScheduledTimeInPastException.class);
        assertThat(fixture.conversation(ALICE)).isEmpty();
        assertThat(fixture.sending.scheduled(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("F27 scheduled messages are listed per conversation and per account, earliest first, in the chosen zone")
    void listed() {
        OutboxEntry later = fixture.sending.schedule(ACCOUNT, request(ALICE, "Later"), inParis(Duration.ofDays(2)));
        OutboxEntry sooner = fixture.sending.schedule(ACCOUNT, request(BOB, "Sooner"), inParis(Duration.ofDays(1)));
        OutboxEntry aliceSooner = fixture.sending.schedule(ACCOUNT, request(ALICE, "Alice sooner"),
                T0.plus(Duration.ofHours(3)).atZone(ZoneId.of("America/New_York")));

        assertThat(fixture.sending.scheduled(ACCOUNT)).extracting(OutboxEntry::messageId)
                .containsExactly(aliceSooner.messageId(), sooner.messageId(), later.messageId());
        assertThat(fixture.sending.scheduled(ACCOUNT, later.conversationId())).extracting(OutboxEntry::messageId)
                .containsExactly(aliceSooner.messageId(), later.messageId());
        assertThat(fixture.sending.scheduled(ACCOUNT).get(0).scheduledFor().orElseThrow().zone())
                .isEqualTo(ZoneId.of("America/New_York"));
        assertThat(fixture.sending.scheduled(OTHER)).isEmpty();
    }

    @Test
    @DisplayName("F27 a scheduled message can be edited, rescheduled and cancelled; a cancelled one is never sent")
    void editRescheduleCancel() {
        OutboxEntry scheduled = fixture.sending.schedule(ACCOUNT, request(ALICE, "Draft"), inParis(Duration.ofHours(1)));

        OutboxEntry edited = fixture.sending.editScheduledText(ACCOUNT, scheduled.messageId(), "Final text");
        assertThat(edited.text()).isEqualTo("Final text");
        assertThat(fixture.message(scheduled.messageId()).orElseThrow().text()).isEqualTo("Final text");

        OutboxEntry moved = fixture.sending.reschedule(ACCOUNT, scheduled.messageId(), inParis(Duration.ofHours(5)));
        assertThat(moved.dueAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThatThrownBy(() -> fixture.sending.reschedule(ACCOUNT, scheduled.messageId(), inParis(Duration.ofHours(-1))))
                .isInstanceOf(ScheduledTimeInPastException.class);

        OutboxEntry cancelled = fixture.sending.cancelScheduled(ACCOUNT, scheduled.messageId());
        assertThat(cancelled.status()).isEqualTo(MessageStatus.CANCELLED);
        fixture.clock.advance(Duration.ofHours(6));
        fixture.drain(3);
        assertThat(fixture.carrier.sentMessages()).isEmpty();
        assertThat(fixture.message(scheduled.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.CANCELLED);
    }

    @Test
    @DisplayName("F27 editing or cancelling a message once it is SENDING or later is refused with its status")
    void notEditableOnceSending() {
        OutboxEntry scheduled = fixture.sending.schedule(ACCOUNT, request(ALICE, "Hi"), inParis(Duration.ofMinutes(1)));
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.sending.dispatcher().dispatchDue();

        assertThatThrownBy(() -> fixture.sending.cancelScheduled(ACCOUNT, scheduled.messageId()))
                .isInstanceOf(MessageNotEditableException.class)
                .satisfies(e -> assertThat(((MessageNotEditableException) e).status()).isEqualTo(MessageStatus.SENT));
        assertThatThrownBy(() -> fixture.sending.editScheduledText(ACCOUNT, scheduled.messageId(), "Changed"))
                .isInstanceOf(MessageNotEditableException.class);
        OutboxEntry queued = fixture.send(BOB, "Now");
        assertThatThrownBy(() -> fixture.sending.cancelScheduled(ACCOUNT, queued.messageId()))
                .isInstanceOf(MessageNotEditableException.class);
        assertThatThrownBy(() -> fixture.sending.cancelScheduled(OTHER, scheduled.messageId()))
                .isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    @DisplayName("F27 F18 a scheduled message to a contact who opts out before it is due is not sent")
    void optOutBeforeDue() {
        OutboxEntry scheduled = fixture.sending.schedule(ACCOUNT, request(ALICE, "Hi"), inParis(Duration.ofHours(1)));
        fixture.optOut(ACCOUNT, ALICE);
        fixture.clock.advance(Duration.ofHours(1));

        fixture.drain(2);

        assertThat(fixture.carrier.sentMessages()).isEmpty();
        assertThat(fixture.entry(scheduled.messageId()).failure().orElseThrow().reason()).isEqualTo(FailureReason.OPTED_OUT);
    }
}
