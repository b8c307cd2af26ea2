package io.github.inboxkit.core.sending;

import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static io.github.inboxkit.core.sending.SendingFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.ContactBlockedException;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sending to a blocked number (F38): refused at submit, skipped by broadcasts, failed at the claim. */
class BlockedRecipientTest {

    private final SendingFixture fixture = new SendingFixture();
    private final UserId agent = UserId.of("agent");

    BlockedRecipientTest() {
        fixture.kit.administration().addUser(ACCOUNT, agent, "Agent Smith");
    }

    private void block(String number) {
        fixture.kit.blocking().block(ACCOUNT, number, "abuse", agent);
    }

    private static SendRequest request(String to, String text) {
        return SendRequest.builder().to(Recipient.number(to)).draft(Draft.ofText(text)).build();
    }

    @Test
    @DisplayName("F38 sending or scheduling to a blocked number is refused with a typed error and nothing is stored")
    void sendAndScheduleRefused() {
        block(ALICE);

        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, request(ALICE, "Promo")))
                .isInstanceOfSatisfying(ContactBlockedException.class,
                        e -> assertThat(e.phone()).isEqualTo(new PhoneNumber(ALICE)))
                .hasMessageNotContaining(ALICE);
        assertThatThrownBy(() -> fixture.sending.schedule(ACCOUNT, request(ALICE, "Later"),
                T0.plus(Duration.ofHours(1)).atZone(ZoneId.of("Europe/Paris"))))
                .isInstanceOf(ContactBlockedException.class);
        assertThat(fixture.conversation(ALICE)).isEmpty();
        assertThat(fixture.counters()).isEqualTo(InboxCounters.zero());

        fixture.kit.blocking().unblock(ACCOUNT, ALICE, agent);
        assertThat(fixture.send(ALICE, "Welcome back").status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    @DisplayName("F38 F19 a broadcast skips a blocked number with the reason BLOCKED")
    void broadcastSkipsBlocked() {
        block(BOB);

        BroadcastResult result = fixture.sending.broadcast(ACCOUNT, BroadcastRequest.builder().name("Sale")
                .recipients(List.of(Recipient.number(ALICE), Recipient.number(BOB))).draft(Draft.ofText("20% off"))
                .build());

        assertThat(result.queued()).isEqualTo(1);
        assertThat(result.skipped()).extracting(BroadcastSkip::reason).containsExactly(SkipReason.BLOCKED);
    }

    @Test
    @DisplayName("F38 F31 a block committed before the claim means no send: FAILED with reason BLOCKED, consent untouched")
    void blockBeforeClaimWins() {
        OutboxEntry queued = fixture.send(ALICE, "Promo");
        block(ALICE);

        DispatchSummary summary = fixture.sending.dispatcher().dispatchDue();

        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(fixture.carrier.attempts(queued.messageId().toString())).isZero();
        OutboxEntry failed = fixture.entry(queued.messageId());
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.failure().orElseThrow().reason()).isEqualTo(FailureReason.BLOCKED);
        assertThat(fixture.kit.contacts().isOptedOut(ACCOUNT, new PhoneNumber(ALICE))).isFalse();
    }
}
