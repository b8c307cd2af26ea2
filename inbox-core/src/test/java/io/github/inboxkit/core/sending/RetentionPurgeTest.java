package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.retention.RetentionPolicy;
import io.github.inboxkit.core.retention.PurgeSummary;
import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionPurgeTest {

    private final SendingFixture fixture = new SendingFixture(b -> b.purgeBatchSize(3), SimulatedCarrier.builder().seed(1));

    /** Appends an unread inbound message the way ingestion does, keeping counters exact. */
    private void receive(String from, String text) {
        fixture.send(from, "opening " + text);
        fixture.store.inTransaction(ACCOUNT, tx -> {
            Conversation conversation = tx.conversations().lockConversationByPhone(new PhoneNumber(from)).orElseThrow();
            long sequence = conversation.lastMessageSequence() + 1;
            Instant now = fixture.clock.instant();
            tx.messages().insertMessage(Message.builder().id(MessageId.random()).conversationId(conversation.id()).sequence(sequence)
                    .contactPhone(conversation.contactPhone()).direction(Direction.INBOUND).text(text)
                    .status(MessageStatus.RECEIVED).read(false).createdAt(now).build());
            tx.conversations().updateConversation(Conversation.builder().from(conversation).lastMessageSequence(sequence)
                    .unreadCount(conversation.unreadCount() + 1).lastActivityAt(now).build());
            if (conversation.unreadCount() == 0) {
                tx.counters().adjustCounters(0, 0, 1);
            }
            return null;
        });
    }

    @Test
    @DisplayName("F30 F1 the purge deletes messages older than the window, then empty conversations, in bounded batches, keeping counters exact")
    void purgesOldMessagesAndEmptyConversations() {
        for (int i = 0; i < 4; i++) {
            receive(ALICE, "old " + i);
        }
        receive(BOB, "old");
        fixture.sending.dispatcher().dispatchDue();
        fixture.clock.advance(Duration.ofDays(80));
        receive(BOB, "recent");
        fixture.clock.advance(Duration.ofDays(11));

        PurgeSummary summary = fixture.retention.purgeExpired(ACCOUNT);

        assertThat(summary.messages()).isEqualTo(10);
        assertThat(summary.conversations()).isEqualTo(1);
        assertThat(summary.batches()).isGreaterThan(3);
        assertThat(fixture.conversation(ALICE)).isEmpty();
        Conversation bob = fixture.conversation(BOB).orElseThrow();
        assertThat(bob.unreadCount()).isEqualTo(1);
        java.util.List<Message> left = fixture.read(tx -> tx.messages().listMessages(bob.id(), Long.MAX_VALUE, Instant.EPOCH, 10));
        assertThat(left)
                .extracting(Message::text).containsExactlyInAnyOrder("recent", "opening recent");
        assertThat(fixture.counters()).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(fixture.retention.purgeExpired(ACCOUNT).messages()).isZero();
    }

    @Test
    @DisplayName("F30 F18 F13 opt-out records and ownership history are kept or deleted as the account configures; the latest opt-out always stays")
    void keepsOptOutsAndHistoryAsConfigured() {
        fixture.send(ALICE, "Hello");
        fixture.sending.dispatcher().dispatchDue();
        fixture.optOut(ACCOUNT, ALICE);
        Conversation alice = fixture.conversation(ALICE).orElseThrow();
        fixture.store.inTransaction(ACCOUNT, tx -> {
            tx.conversations().appendAssignmentChange(AssignmentChange.builder().conversationId(alice.id()).newAssignee(UserId.of("u1"))
                    .changedBy(UserId.of("u1")).changedAt(fixture.clock.instant()).build());
            return null;
        });
        fixture.clock.advance(Duration.ofDays(91));

        assertThat(fixture.retention.purgeExpired(ACCOUNT).assignmentChanges()).isZero();

        assertThat(fixture.conversation(ALICE)).isEmpty();
        java.util.Optional<io.github.inboxkit.core.contact.OptOutRecord> latest =
                fixture.read(tx -> tx.consent().latestOptOutRecord(new PhoneNumber(ALICE)));
        assertThat(latest)
                .hasValueSatisfying(record -> assertThat(record.action()).isEqualTo(OptOutAction.OPTED_OUT));
        java.util.List<AssignmentChange> kept = fixture.read(tx -> tx.conversations().assignmentHistory(alice.id()));
        assertThat(kept).hasSize(1);

        // superseded consent-ledger entries go after the ledger's own window (F43), here 30 days as the inbox's
        SendingFixture forgetful = new SendingFixture(b -> b.retentionPolicies(account ->
                new RetentionPolicy(Duration.ofDays(30), false, false, Duration.ofDays(30))), SimulatedCarrier.builder().seed(1));
        forgetful.optOut(ACCOUNT, ALICE);
        forgetful.optIn(ACCOUNT, ALICE);
        forgetful.optOut(ACCOUNT, ALICE);
        forgetful.send(BOB, "Hello");
        forgetful.sending.dispatcher().dispatchDue();
        Conversation bob = forgetful.conversation(BOB).orElseThrow();
        forgetful.store.inTransaction(ACCOUNT, tx -> {
            tx.conversations().appendAssignmentChange(AssignmentChange.builder().conversationId(bob.id()).newAssignee(UserId.of("u1"))
                    .changedBy(UserId.of("u1")).changedAt(forgetful.clock.instant()).build());
            return null;
        });
        forgetful.clock.advance(Duration.ofDays(31));
        PurgeSummary purged = forgetful.retention.purgeExpired();
        assertThat(purged.assignmentChanges()).isEqualTo(1);
        assertThat(purged.optOutRecords()).isEqualTo(2);
        java.util.List<io.github.inboxkit.core.contact.OptOutRecord> history =
                forgetful.read(tx -> tx.consent().optOutHistory(new PhoneNumber(ALICE)));
        assertThat(history).singleElement().satisfies(record ->
                assertThat(record.action()).isEqualTo(OptOutAction.OPTED_OUT));
        java.util.List<AssignmentChange> forgotten = forgetful.read(tx -> tx.conversations().assignmentHistory(bob.id()));
        assertThat(forgotten).isEmpty();
    }

    @Test
    @DisplayName("F43 the inbox's purge never reaches the consent ledger: superseded entries go only after the ledger's own window, four years by default")
    void consentLedgerHasItsOwnWindow() {
        SendingFixture forgetful = new SendingFixture(b -> b.retentionPolicies(account ->
                new RetentionPolicy(Duration.ofDays(30), false, true)), SimulatedCarrier.builder().seed(1));
        forgetful.optOut(ACCOUNT, ALICE);
        forgetful.optIn(ACCOUNT, ALICE);
        forgetful.optOut(ACCOUNT, ALICE);
        assertThat(new RetentionPolicy(Duration.ofDays(30), false, true).consentLedgerWindow())
                .isEqualTo(RetentionPolicy.DEFAULT_CONSENT_LEDGER_WINDOW).isEqualTo(Duration.ofDays(1461));

        forgetful.clock.advance(Duration.ofDays(4 * 365));
        assertThat(forgetful.retention.purgeExpired(ACCOUNT).optOutRecords()).isZero();
        java.util.List<io.github.inboxkit.core.contact.OptOutRecord> kept =
                forgetful.read(tx -> tx.consent().optOutHistory(new PhoneNumber(ALICE)));
        assertThat(kept).hasSize(3);

        forgetful.clock.advance(Duration.ofDays(2));
        assertThat(forgetful.retention.purgeExpired(ACCOUNT).optOutRecords()).isEqualTo(2);
        java.util.List<io.github.inboxkit.core.contact.OptOutRecord> left =
                forgetful.read(tx -> tx.consent().optOutHistory(new PhoneNumber(ALICE)));
        assertThat(left).singleElement()
                .satisfies(record -> assertThat(record.action()).isEqualTo(OptOutAction.OPTED_OUT));
    }

    @Test
    @DisplayName("F30 F27 messages still waiting to be sent are never purged")
    void pendingNeverPurged() {
        OutboxEntry scheduled = fixture.sending.schedule(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                        .draft(io.github.inboxkit.core.compose.Draft.ofText("Next year")).build(),
                fixture.clock.instant().plus(Duration.ofDays(200)).atZone(ZoneOffset.UTC));
        fixture.clock.advance(Duration.ofDays(100));

        assertThat(fixture.retention.purgeExpired(ACCOUNT).messages()).isZero();
        assertThat(fixture.entry(scheduled.messageId()).status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(fixture.conversation(ALICE)).isPresent();
    }
}
