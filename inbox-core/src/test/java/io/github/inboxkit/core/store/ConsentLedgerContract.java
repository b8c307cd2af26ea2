package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.compliance.ConsentReplies;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.RevocationPolicy;
import io.github.inboxkit.core.contact.ConsentChange;
import io.github.inboxkit.core.contact.ConsentImport;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.contact.NoSuchRevocationReviewException;
import io.github.inboxkit.core.contact.RevocationDecision;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.contact.RevocationReviewId;
import io.github.inboxkit.core.contact.RevocationReviewState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the consent ledger (F43), revocation by reasonable means wired into intake (F44), and
 * the HELP reply and consent confirmations sent through the outbox (F42), with a carrier
 * configured, on every store (the PostgreSQL one-statement ingestion included).
 */
public abstract class ConsentLedgerContract extends StoreContractSupport {

    private static final String HELP_TEXT = "Acme Dental: help at acme.example or 555-0100. Msg & data rates may apply. Reply STOP to end.";

    private InboxKit sending;
    private String accountNumber;
    private AccountId ledger;

    @BeforeEach
    void setUpSending() {
        sending = InboxKit.builder().store(store).clock(clock).eventListener(events::add).entitlements(Entitlements.all())
                .carrier(SimulatedCarrier.create()).build();
        accountNumber = freshNumber();
        ledger = AccountId.of("ledger-" + UUID.randomUUID());
        sending.administration().createAccount(ledger, "Ledger", settings(RevocationPolicy.OFF, ConsentReplies.builder()
                .helpText(HELP_TEXT).build()));
        sending.administration().addUser(ledger, alice, "Alice Martin");
        events.clear();
    }

    private AccountSettings settings(RevocationPolicy policy, ConsentReplies replies) {
        return AccountSettings.builder().defaultRegion("FR").addSenderIds(accountNumber).defaultSenderId(accountNumber)
                .revocationPolicy(policy).consentReplies(replies).build();
    }

    private void reconfigure(RevocationPolicy policy, ConsentReplies replies) {
        sending.administration().updateSettings(ledger, settings(policy, replies));
    }

    private ReceivedMessage inbound(String from, String text) {
        return sending.ingestion().receive(ledger, IncomingMessage.builder().carrierMessageId("c-" + UUID.randomUUID())
                .contactNumber(from).accountNumber(accountNumber).text(text).build());
    }

    private List<OptOutRecord> history(String phone) {
        return sending.contacts().subscriptionHistory(ledger, new PhoneNumber(phone));
    }

    /** The automatic replies in the thread, with their outbox entries. */
    private List<OutboxEntry> replies(ReceivedMessage received) {
        return sending.conversations().messages(ledger, idOf(received), 100).stream()
                .filter(message -> message.direction() == Direction.OUTBOUND)
                .map(message -> sending.sending().outboxEntry(ledger, message.id()).orElseThrow())
                .toList();
    }

    @Test
    @DisplayName("F43 F18 STOP appends an opt-out to the ledger with its kind, source, actor, causing message and time; START a re-subscription")
    void keywordEntries() {
        String phone = freshNumber();
        ReceivedMessage stop = inbound(phone, "STOP");
        advance(Duration.ofMinutes(1));
        ReceivedMessage start = inbound(phone, "start");

        assertThat(history(phone)).satisfiesExactly(
                out -> {
                    assertThat(out.action()).isEqualTo(OptOutAction.OPTED_OUT);
                    assertThat(out.change()).isEqualTo(ConsentChange.OPT_OUT);
                    assertThat(out.source()).isEqualTo(OptOutSource.KEYWORD);
                    assertThat(out.actor()).isEqualTo("contact");
                    assertThat(out.keyword()).contains("STOP");
                    assertThat(out.causedByMessage()).contains(stop.message().id());
                    assertThat(out.recordedAt()).isEqualTo(START);
                },
                in -> {
                    assertThat(in.action()).isEqualTo(OptOutAction.OPTED_IN);
                    assertThat(in.change()).isEqualTo(ConsentChange.RESUBSCRIPTION);
                    assertThat(in.causedByMessage()).contains(start.message().id());
                    assertThat(in.recordedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
                });
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(phone))).isFalse();
        assertThat(eventsOf(InboxEvent.SubscriptionChanged.class)).extracting(event -> event.record().change())
                .containsExactly(ConsentChange.OPT_OUT, ConsentChange.RESUBSCRIPTION);
    }

    @Test
    @DisplayName("F43 a change made after another one of the same number is recorded no earlier than it, whatever its node's clock")
    void ledgerTimesFollowItsOrder() {
        String phone = freshNumber();
        advance(Duration.ofMinutes(1));
        inbound(phone, "STOP");
        // a node whose use case started a minute earlier (it took its time, then waited for the number)
        InboxKit behind = InboxKit.builder().store(store).clock(java.time.Clock.fixed(START, java.time.ZoneOffset.UTC))
                .eventListener(events::add).build();

        OptOutRecord resubscription = behind.contacts().resubscribe(ledger, new PhoneNumber(phone), alice)
                .orElseThrow();

        assertThat(resubscription.recordedAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(history(phone)).extracting(OptOutRecord::recordedAt)
                .containsExactly(START.plus(Duration.ofMinutes(1)), START.plus(Duration.ofMinutes(1)));
        assertThat(eventsOf(InboxEvent.SubscriptionChanged.class)).last()
                .satisfies(event -> assertThat(event.record()).isEqualTo(resubscription));
    }

    @Test
    @DisplayName("F44 the seven mandatory words opt out at once in a short reply, whatever the revocation policy")
    void mandatoryWordsInShortReplies() {
        List<String> replies = List.of("STOP please", "Unsubscribe.", "quit now", "END!!", "revoke please",
                "opt out please", "Cancel, thanks");
        for (String reply : replies) {
            String phone = freshNumber();
            ReceivedMessage received = inbound(phone, reply);

            assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(phone))).as(reply).isTrue();
            assertThat(history(phone)).as(reply).singleElement().satisfies(entry -> {
                assertThat(entry.source()).isEqualTo(OptOutSource.KEYWORD);
                assertThat(entry.keyword()).isPresent();
                assertThat(entry.causedByMessage()).contains(received.message().id());
            });
        }
    }

    @Test
    @DisplayName("F44 a natural-language revocation: policy OFF leaves it to an agent, OPT_OUT_AT_ONCE opts out with the detector's rule")
    void naturalLanguagePolicy() {
        String kept = freshNumber();
        ReceivedMessage read = inbound(kept, "please stop texting me");
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(kept))).isFalse();
        assertThat(history(kept)).isEmpty();
        assertThat(read.conversation().unreadCount()).isEqualTo(1);

        reconfigure(RevocationPolicy.OPT_OUT_AT_ONCE, ConsentReplies.defaults());
        String revoked = freshNumber();
        events.clear();
        ReceivedMessage revocation = inbound(revoked, "please stop texting me");

        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(revoked))).isTrue();
        assertThat(history(revoked)).singleElement().satisfies(entry -> {
            assertThat(entry.source()).isEqualTo(OptOutSource.NATURAL_LANGUAGE);
            assertThat(entry.change()).isEqualTo(ConsentChange.REVOCATION);
            assertThat(entry.ruleId()).hasValueSatisfying(rule -> assertThat(rule).startsWith("en."));
            assertThat(entry.causedByMessage()).contains(revocation.message().id());
            assertThat(entry.actor()).isEqualTo("contact");
        });
        assertThat(eventsOf(InboxEvent.SubscriptionChanged.class)).hasSize(1);
        assertThat(revocation.conversation().unreadCount()).isEqualTo(1);
        assertThatThrownBy(() -> sending.sending().send(ledger, SendRequest.builder().to(Recipient.number(revoked))
                .draft(Draft.ofText("Our sale")).build())).isInstanceOf(ContactOptedOutException.class);

        String conversation = freshNumber();
        inbound(conversation, "the bus didn't stop, I'll be late");
        assertThat(history(conversation)).isEmpty();
    }

    @Test
    @DisplayName("F42 an opt-out is confirmed once, with its own category, and the confirmation is the one message that reaches the opted-out number")
    void optOutConfirmation() {
        String phone = freshNumber();
        ReceivedMessage first = inbound(phone, "Hi");
        OutboxEntry queued = sending.sending().send(ledger, SendRequest.builder().to(Recipient.number(phone))
                .draft(Draft.ofText("Your appointment is tomorrow")).build());
        ReceivedMessage stop = inbound(phone, "STOP");
        inbound(phone, "stop");

        List<OutboxEntry> confirmations = replies(stop).stream()
                .filter(entry -> entry.category() == MessageCategory.OPT_OUT_CONFIRMATION).toList();
        assertThat(confirmations).singleElement().satisfies(entry -> {
            assertThat(entry.text()).isEqualTo(ConsentReplies.DEFAULT_OPT_OUT_CONFIRMATION);
            assertThat(entry.sender().value()).isEqualTo(accountNumber);
        });
        assertThat(sending.sending().outboxEntry(ledger, queued.messageId()).orElseThrow().category())
                .isEqualTo(MessageCategory.CONVERSATIONAL);

        drain();

        assertThat(sending.sending().outboxEntry(ledger, confirmations.get(0).messageId()).orElseThrow().status())
                .isEqualTo(MessageStatus.SENT);
        assertThat(sending.sending().outboxEntry(ledger, queued.messageId()).orElseThrow().failure())
                .hasValueSatisfying(failure -> assertThat(failure.reason()).isEqualTo(FailureReason.OPTED_OUT));
        assertThat(idOf(first)).isEqualTo(idOf(stop));
    }

    @Test
    @DisplayName("F42 an opt-out confirmation the dispatcher claims more than 5 minutes late is dropped as EXPIRED, never sent")
    void lateConfirmationExpires() {
        String phone = freshNumber();
        ReceivedMessage stop = inbound(phone, "STOP");
        advance(Duration.ofMinutes(5).plusSeconds(1));

        drain();

        assertThat(replies(stop)).singleElement().satisfies(entry -> {
            assertThat(entry.category()).isEqualTo(MessageCategory.OPT_OUT_CONFIRMATION);
            assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
            assertThat(entry.failure()).hasValueSatisfying(failure ->
                    assertThat(failure.reason()).isEqualTo(FailureReason.EXPIRED));
        });
    }

    @Test
    @DisplayName("F42 START confirms the re-subscription; confirmations turned off send nothing")
    void optInConfirmationAndOff() {
        String phone = freshNumber();
        inbound(phone, "STOP");
        ReceivedMessage start = inbound(phone, "START");
        assertThat(replies(start)).extracting(OutboxEntry::category)
                .containsExactly(MessageCategory.OPT_OUT_CONFIRMATION, MessageCategory.OPT_IN_CONFIRMATION);

        reconfigure(RevocationPolicy.OFF, ConsentReplies.builder().noOptOutConfirmation().noOptInConfirmation().build());
        String quiet = freshNumber();
        inbound(quiet, "STOP");
        ReceivedMessage back = inbound(quiet, "START");
        assertThat(replies(back)).isEmpty();
        assertThat(history(quiet)).hasSize(2);
    }

    @Test
    @DisplayName("F42 HELP is answered with the account's help text, at most once per 10 minutes per contact, never to an opted-out number")
    void helpReplies() {
        String phone = freshNumber();
        ReceivedMessage help = inbound(phone, "HELP");
        inbound(phone, "help?");
        advance(Duration.ofMinutes(11));
        ReceivedMessage later = inbound(phone, "Ayuda por favor");

        assertThat(replies(help)).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.category()).isEqualTo(MessageCategory.HELP_REPLY);
            assertThat(entry.text()).isEqualTo(HELP_TEXT);
        });
        assertThat(replies(later)).hasSize(2);
        assertThat(history(phone)).isEmpty();

        String stopped = freshNumber();
        inbound(stopped, "STOP");
        ReceivedMessage helpAfterStop = inbound(stopped, "INFO");
        assertThat(replies(helpAfterStop)).extracting(OutboxEntry::category)
                .containsExactly(MessageCategory.OPT_OUT_CONFIRMATION);
    }

    @Test
    @DisplayName("F42 without a carrier nothing is queued: the opt-out is recorded, no reply")
    void noCarrierNoReply() {
        String phone = freshNumber();
        kit.administration().updateSettings(account, AccountSettings.builder().defaultRegion("FR")
                .consentReplies(ConsentReplies.builder().helpText(HELP_TEXT).build()).build());
        ReceivedMessage stop = receive(phone, "STOP");
        ReceivedMessage help = receive(freshNumber(), "HELP");

        assertThat(kit.contacts().isOptedOut(account, new PhoneNumber(phone))).isTrue();
        assertThat(kit.conversations().messages(account, idOf(stop), 10)).extracting(Message::direction)
                .containsOnly(Direction.INBOUND);
        assertThat(kit.conversations().messages(account, idOf(help), 10)).hasSize(1);
    }

    @Test
    @DisplayName("F43 an agent's opt-out and re-subscription are ledger entries with the agent as actor, confirmed")
    void agentEntries() {
        String phone = freshNumber();
        sending.contacts().unsubscribe(ledger, new PhoneNumber(phone), alice);
        sending.contacts().resubscribe(ledger, new PhoneNumber(phone), alice);

        assertThat(history(phone)).extracting(OptOutRecord::change, OptOutRecord::actor, OptOutRecord::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ConsentChange.OPT_OUT, "alice", OptOutSource.USER),
                        org.assertj.core.groups.Tuple.tuple(ConsentChange.RESUBSCRIPTION, "alice", OptOutSource.USER));
        List<Message> thread = sending.conversations().messages(ledger,
                sending.conversations().findByPhone(ledger, phone).orElseThrow().id(), 10);
        assertThat(thread).extracting(Message::text).containsExactlyInAnyOrder(
                ConsentReplies.DEFAULT_OPT_OUT_CONFIRMATION, ConsentReplies.DEFAULT_OPT_IN_CONFIRMATION);
    }

    @Test
    @DisplayName("F43 an import appends IMPORT entries with the host's actor, sends nothing, and the latest entry decides")
    void importsAndProof() {
        String imported = freshNumber();
        String other = freshNumber();
        Contact contact = sending.contacts().create(ledger, imported, ContactDetails.builder().firstName("Ana").build());
        inbound(imported, "STOP");

        List<OptOutRecord> appended = sending.contacts().importConsent(ledger, new ConsentImport("crm-sync 2026-12",
                List.of(new ConsentImport.Entry(new PhoneNumber(imported), OptOutAction.OPTED_IN),
                        new ConsentImport.Entry(new PhoneNumber(other), OptOutAction.OPTED_OUT))));

        assertThat(appended).allSatisfy(entry -> {
            assertThat(entry.source()).isEqualTo(OptOutSource.IMPORT);
            assertThat(entry.change()).isEqualTo(ConsentChange.IMPORT);
            assertThat(entry.actor()).isEqualTo("crm-sync 2026-12");
        });
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(imported))).isFalse();
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(other))).isTrue();
        assertThat(sending.contacts().consentHistory(ledger, contact.id())).extracting(OptOutRecord::change)
                .containsExactly(ConsentChange.OPT_OUT, ConsentChange.IMPORT);
        assertThat(sending.conversations().findByPhone(ledger, other)).isEmpty();
        assertThatThrownBy(() -> new ConsentImport(" ", List.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("actor"));
    }

    @Test
    @DisplayName("F44 REVIEW flags a natural-language revocation once per number, due 10 business days later; the number stays textable until decided")
    void reviewFlags() {
        reconfigure(RevocationPolicy.REVIEW, ConsentReplies.defaults());
        String phone = freshNumber();
        ReceivedMessage revocation = inbound(phone, "please stop texting me");
        inbound(phone, "take me off your list");

        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(phone))).isFalse();
        assertThat(history(phone)).isEmpty();
        List<RevocationReview> open = sending.contacts().revocationReviews(ledger, 10);
        assertThat(open).singleElement().satisfies(review -> {
            assertThat(review.phone()).isEqualTo(new PhoneNumber(phone));
            assertThat(review.messageId()).isEqualTo(revocation.message().id());
            assertThat(review.conversationId()).isEqualTo(idOf(revocation));
            assertThat(review.state()).isEqualTo(RevocationReviewState.OPEN);
            assertThat(review.flaggedAt()).isEqualTo(START);
            assertThat(review.dueAt()).isEqualTo(Instant.parse("2026-12-09T09:00:00Z")); // START is a Wednesday
            assertThat(review.isOverdue(START)).isFalse();
        });
        assertThat(eventsOf(InboxEvent.RevocationFlagged.class)).singleElement()
                .satisfies(event -> assertThat(event.review()).isEqualTo(open.get(0)));
        sending.sending().send(ledger, SendRequest.builder().to(Recipient.number(phone)).draft(Draft.ofText("Sorry!")).build());
    }

    @Test
    @DisplayName("F44 F43 an agent opts out or dismisses a flag, with a ledger entry naming the agent, the message and the rule")
    void agentDecidesReviews() {
        reconfigure(RevocationPolicy.REVIEW, ConsentReplies.defaults());
        String revoked = freshNumber();
        String kept = freshNumber();
        inbound(revoked, "please stop texting me");
        inbound(kept, "no more texts");
        List<RevocationReview> open = sending.contacts().revocationReviews(ledger, 10);
        RevocationReview first = open.stream().filter(r -> r.phone().equals(new PhoneNumber(revoked))).findFirst().orElseThrow();
        RevocationReview second = open.stream().filter(r -> r.phone().equals(new PhoneNumber(kept))).findFirst().orElseThrow();

        advance(Duration.ofHours(2));
        RevocationReview optedOut = sending.contacts().resolveRevocationReview(ledger, first.id(), RevocationDecision.OPT_OUT, alice);
        RevocationReview dismissed = sending.contacts().resolveRevocationReview(ledger, second.id(), RevocationDecision.DISMISS, alice);

        assertThat(optedOut.state()).isEqualTo(RevocationReviewState.OPTED_OUT);
        assertThat(optedOut.resolvedBy()).contains(alice);
        assertThat(optedOut.resolvedAt()).contains(START.plus(Duration.ofHours(2)));
        assertThat(dismissed.state()).isEqualTo(RevocationReviewState.DISMISSED);
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(revoked))).isTrue();
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(kept))).isFalse();
        assertThat(history(revoked)).singleElement().satisfies(entry -> {
            assertThat(entry.change()).isEqualTo(ConsentChange.REVOCATION);
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.causedByMessage()).contains(first.messageId());
            assertThat(entry.ruleId()).contains(first.ruleId());
        });
        assertThat(history(kept)).singleElement().satisfies(entry -> {
            assertThat(entry.change()).isEqualTo(ConsentChange.REVOCATION_DISMISSED);
            assertThat(entry.action()).isEqualTo(OptOutAction.OPTED_IN);
        });
        assertThat(sending.contacts().revocationReviews(ledger, 10)).isEmpty();
        assertThat(sending.contacts().resolveRevocationReview(ledger, first.id(), RevocationDecision.DISMISS, alice))
                .isEqualTo(optedOut);
        assertThat(history(revoked)).hasSize(1);
        assertThatThrownBy(() -> sending.contacts().resolveRevocationReview(ledger, RevocationReviewId.random(),
                RevocationDecision.DISMISS, alice)).isInstanceOf(NoSuchRevocationReviewException.class);
    }

    @Test
    @DisplayName("F44 an unreviewed flag at its deadline opts the number out once, with an overdue event, a ledger entry and the confirmation")
    void deadlineOptsOut() {
        reconfigure(RevocationPolicy.REVIEW, ConsentReplies.defaults());
        String phone = freshNumber();
        ReceivedMessage revocation = inbound(phone, "please stop texting me");
        RevocationReview review = sending.contacts().revocationReviews(ledger, 10).get(0);

        advance(Duration.between(clock.instant(), review.dueAt().minusSeconds(1)));
        assertThat(sending.contacts().honourOverdueRevocations(ledger)).isEmpty();
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(phone))).isFalse();

        advance(Duration.between(clock.instant(), review.dueAt()));
        events.clear();
        List<RevocationReview> decided = sending.contacts().honourOverdueRevocations(ledger);

        assertThat(decided).singleElement().satisfies(done -> {
            assertThat(done.id()).isEqualTo(review.id());
            assertThat(done.state()).isEqualTo(RevocationReviewState.OPTED_OUT_AT_DEADLINE);
        });
        assertThat(sending.contacts().isOptedOut(ledger, new PhoneNumber(phone))).isTrue();
        assertThat(history(phone)).singleElement().satisfies(entry -> {
            assertThat(entry.source()).isEqualTo(OptOutSource.NATURAL_LANGUAGE);
            assertThat(entry.actor()).isEqualTo("review-deadline");
            assertThat(entry.causedByMessage()).contains(revocation.message().id());
        });
        assertThat(events).hasAtLeastOneElementOfType(InboxEvent.RevocationReviewOverdue.class)
                .hasAtLeastOneElementOfType(InboxEvent.SubscriptionChanged.class);
        assertThat(replies(revocation)).extracting(OutboxEntry::category).containsExactly(MessageCategory.OPT_OUT_CONFIRMATION);
        assertThat(sending.contacts().honourOverdueRevocations(ledger)).isEmpty();
        assertThat(history(phone)).hasSize(1);
    }

    private void drain() {
        for (int i = 0; i < 5; i++) {
            sending.sending().dispatcher().dispatchDue();
        }
    }
}
