package io.github.inboxkit.core.sending;

import io.github.inboxkit.InboxKit;
import static io.github.inboxkit.core.sending.SendingFixture.ACCOUNT;
import static io.github.inboxkit.core.sending.SendingFixture.ALICE;
import static io.github.inboxkit.core.sending.SendingFixture.ALPHA;
import static io.github.inboxkit.core.sending.SendingFixture.LONG_CODE;
import static io.github.inboxkit.core.sending.SendingFixture.OTHER;
import static io.github.inboxkit.core.sending.SendingFixture.PARIS;
import static io.github.inboxkit.core.sending.SendingFixture.POOL_A;
import static io.github.inboxkit.core.sending.SendingFixture.POOL_B;
import static io.github.inboxkit.core.sending.SendingFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.compose.Attachment;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.EmptyDraftException;
import io.github.inboxkit.core.compose.TooManySegmentsException;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.media.InvalidMediaException;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.Base64;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SendingTest {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final SendingFixture fixture = new SendingFixture();

    @Test
    @DisplayName("F21 F31 a message is committed QUEUED in its thread, from the account's default sender ID")
    void queuedInThread() {
        OutboxEntry entry = fixture.send("(415) 555-0132", "Your table is ready");

        assertThat(entry.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(entry.recipient()).isEqualTo(new PhoneNumber(ALICE));
        assertThat(entry.sender().value()).isEqualTo(LONG_CODE);
        assertThat(entry.sender().kind()).isEqualTo(SenderKind.LONG_CODE);
        assertThat(entry.toString()).as("no message body in logs").doesNotContain("table").doesNotContain(ALICE);
        Message message = fixture.message(entry.messageId()).orElseThrow();
        assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.conversationId()).isEqualTo(entry.conversationId());
        assertThat(message.senderId()).contains(LONG_CODE);
        assertThat(fixture.events).anySatisfy(event -> assertThat(event)
                .isEqualTo(new InboxEvent.MessageStatusChanged(ACCOUNT, entry.conversationId(), entry.messageId(),
                        MessageStatus.QUEUED, T0)));
    }

    @Test
    @DisplayName("F21 a chosen sender ID wins over the default; an unknown one is refused")
    void chosenSender() {
        OutboxEntry entry = fixture.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(PARIS))
                .draft(Draft.ofText("Bonjour")).senderId(ALPHA).build());
        assertThat(entry.sender().kind()).isEqualTo(SenderKind.ALPHANUMERIC);
        assertThat(entry.sender().value()).isEqualTo(ALPHA);

        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                .draft(Draft.ofText("Hi")).senderId("NOPE").build()))
                .isInstanceOf(NoSuchSenderIdException.class)
                .hasMessageContaining("NOPE");
    }

    @Test
    @DisplayName("F21 F22 asking for both a sender ID and a pool is a typed refusal naming both; a bad limit too")
    void senderAndPoolConflict() {
        assertThatThrownBy(() -> SendRequest.builder().to(Recipient.number(ALICE)).draft(Draft.ofText("Hi"))
                .senderId(ALPHA).numberPool("main").build())
                .isInstanceOfSatisfying(ConflictingSenderChoiceException.class, e -> {
                    assertThat(e.senderId()).isEqualTo(ALPHA);
                    assertThat(e.numberPool()).isEqualTo("main");
                });
        assertThatThrownBy(() -> fixture.sending.unmatchedReports(ACCOUNT, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    @DisplayName("F22 F4 a number pool rotates senders while the conversation stays one thread")
    void poolRotatesOneThread() {
        SendRequest request = SendRequest.builder().to(Recipient.number(ALICE)).draft(Draft.ofText("Hi")).numberPool("main").build();
        OutboxEntry first = fixture.sending.send(ACCOUNT, request);
        OutboxEntry second = fixture.sending.send(ACCOUNT, request);

        assertThat(first.sender().value()).isNotEqualTo(second.sender().value());
        assertThat(java.util.Set.of(first.sender().value(), second.sender().value())).containsExactlyInAnyOrder(POOL_A, POOL_B);
        assertThat(first.conversationId()).isEqualTo(second.conversationId());
        assertThat(fixture.conversation(ALICE).orElseThrow().lastMessageSequence()).isEqualTo(2);
    }

    @Test
    @DisplayName("F21 F22 without a default sender ID the account's pool is used; without either, a typed refusal")
    void poolWhenNoDefault() {
        io.github.inboxkit.core.account.AccountId pooled = io.github.inboxkit.core.account.AccountId.of("pooled");
        io.github.inboxkit.core.account.AccountId bare = io.github.inboxkit.core.account.AccountId.of("bare");
        fixture.store.inTransaction(pooled, tx -> {
            tx.accounts().insertAccount(io.github.inboxkit.core.account.Account.builder().id(pooled).name("p").createdAt(T0)
                    .settings(io.github.inboxkit.core.account.AccountSettings.builder()
                            .numberPools(java.util.Map.of("shared", java.util.List.of(POOL_A, POOL_B))).build())
                    .build());
            return null;
        });
        fixture.store.inTransaction(bare, tx -> {
            tx.accounts().insertAccount(io.github.inboxkit.core.account.Account.builder().id(bare).name("b").createdAt(T0)
                    .settings(io.github.inboxkit.core.account.AccountSettings.defaults()).build());
            return null;
        });
        SendRequest request = SendRequest.builder().to(Recipient.number(ALICE)).draft(Draft.ofText("Hi")).build();

        String first = fixture.sending.send(pooled, request).sender().value();
        String second = fixture.sending.send(pooled, request).sender().value();

        assertThat(java.util.Set.of(first, second)).containsExactlyInAnyOrder(POOL_A, POOL_B);
        assertThatThrownBy(() -> fixture.sending.send(bare, request))
                .isInstanceOf(NoSuchSenderIdException.class)
                .hasMessageContaining("default sender ID");
    }

    @Test
    @DisplayName("F18 sending to an unsubscribed contact is refused with a typed error and nothing is stored")
    void optedOutRefused() {
        ContactId contact = fixture.createContact(ACCOUNT, ALICE);
        fixture.optOut(ACCOUNT, ALICE);

        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT,
                SendRequest.builder().to(Recipient.contact(contact)).draft(Draft.ofText("Promo")).build()))
                .isInstanceOf(ContactOptedOutException.class)
                .satisfies(e -> assertThat(((ContactOptedOutException) e).phone()).isEqualTo(new PhoneNumber(ALICE)))
                .hasMessageNotContaining(ALICE);
        assertNothingStored();

        fixture.optIn(ACCOUNT, ALICE);
        assertThat(fixture.send(ALICE, "Welcome back").status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    @DisplayName("F21 an alphanumeric sender is refused where the carrier or the country takes none, nothing stored")
    void alphanumericRefused() {
        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                .draft(Draft.ofText("Hi")).senderId(ALPHA).build()))
                .isInstanceOf(SenderNotAllowedException.class)
                .hasMessageContaining("+1");
        SendingFixture noAlpha = new SendingFixture(b -> b, CarrierCapabilities.builder().noMms()
                .alphanumericSenders(false).build(), 0, 0, 0);
        assertThatThrownBy(() -> noAlpha.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(PARIS))
                .draft(Draft.ofText("Bonjour")).senderId(ALPHA).build()))
                .isInstanceOf(SenderNotAllowedException.class)
                .satisfies(e -> assertThat(((SenderNotAllowedException) e).senderId()).isEqualTo(ALPHA));
        assertNothingStored();
        assertThat(noAlpha.conversation(PARIS)).isEmpty();
    }

    @Test
    @DisplayName("F28 F26 MMS to a carrier without MMS, a fake image and an empty message are refused before anything is stored")
    void contentRefused() {
        SendingFixture smsOnly = new SendingFixture(b -> b, CarrierCapabilities.builder().noMms().build(), 0, 0, 0);
        assertThatThrownBy(() -> smsOnly.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                .draft(Draft.builder().attachment(Attachment.of(PNG, "image/png")).build()).build()))
                .isInstanceOf(MmsNotSupportedException.class);
        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                .draft(Draft.builder().attachment(Attachment.of("not an image".getBytes(), "image/png")).build()).build()))
                .isInstanceOf(InvalidMediaException.class);
        assertThatThrownBy(() -> fixture.send(ALICE, "")).isInstanceOf(EmptyDraftException.class);
        assertNothingStored();
        assertThat(smsOnly.conversation(ALICE)).isEmpty();
    }

    @Test
    @DisplayName("F28 F25 a text over the segment limit is refused with the counts, nothing stored")
    void tooManySegments() {
        String tooLong = "x".repeat(153 * 10 + 1);
        assertThatThrownBy(() -> fixture.send(ALICE, tooLong))
                .isInstanceOf(TooManySegmentsException.class)
                .satisfies(e -> {
                    assertThat(((TooManySegmentsException) e).segments()).isEqualTo(11);
                    assertThat(((TooManySegmentsException) e).limit()).isEqualTo(10);
                });
        assertNothingStored();
        assertThat(fixture.send(ALICE, "x".repeat(153 * 10)).segmentCount()).isEqualTo(10);
    }

    @Test
    @DisplayName("F26 a real PNG goes as MMS, checked from its bytes")
    void mmsAccepted() {
        OutboxEntry entry = fixture.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                .draft(Draft.builder().attachment(Attachment.of(PNG, "image/png")).build()).build());
        assertThat(entry.media()).singleElement().satisfies(media -> assertThat(media.contentType()).isEqualTo("image/png"));
        assertThat(fixture.message(entry.messageId()).orElseThrow().media()).hasSize(1);
    }

    @Test
    @DisplayName("F3 F11 an outbound message reopens a closed conversation and never raises unread counts")
    void reopensWithoutUnread() {
        OutboxEntry first = fixture.send(ALICE, "Hello");
        fixture.store.inTransaction(ACCOUNT, tx -> {
            Conversation open = tx.conversations().lockConversation(first.conversationId()).orElseThrow();
            tx.conversations().updateConversation(Conversation.builder().from(open).state(ConversationState.CLOSED).build());
            tx.counters().adjustCounters(-1, 1, 0);
            return null;
        });

        fixture.send(ALICE, "Following up");

        Conversation conversation = fixture.conversation(ALICE).orElseThrow();
        assertThat(conversation.state()).isEqualTo(ConversationState.OPEN);
        assertThat(conversation.unreadCount()).isZero();
        InboxCounters counters = fixture.store.inTransaction(ACCOUNT, tx -> tx.counters().counters());
        assertThat(counters.openConversations()).isEqualTo(1);
        assertThat(counters.closedConversations()).isZero();
        assertThat(counters.unreadConversations()).isZero();
        assertThat(fixture.events).anySatisfy(event -> assertThat(event).isInstanceOf(InboxEvent.ConversationReopened.class));
    }

    @Test
    @DisplayName("F17 F33 garbage numbers and another account's contact are refused")
    void badRecipients() {
        ContactId elsewhere = fixture.createContact(OTHER, ALICE);
        assertThatThrownBy(() -> fixture.send("hello", "Hi")).isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT,
                SendRequest.builder().to(Recipient.contact(elsewhere)).draft(Draft.ofText("Hi")).build()))
                .isInstanceOf(NoSuchContactException.class);
        assertNothingStored();
    }

    @Test
    @DisplayName("F9 an author who is not a user of the account is refused, nothing stored")
    void unknownAuthor() {
        assertThatThrownBy(() -> fixture.sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(ALICE))
                .draft(Draft.ofText("Hi")).author(io.github.inboxkit.core.account.UserId.of("ghost")).build()))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchUserException.class);
        assertNothingStored();
    }

    @Test
    @DisplayName("F33 an account never sees another account's outbox")
    void tenancy() {
        OutboxEntry entry = fixture.send(ALICE, "Hello");
        assertThat(fixture.sending.outboxEntry(OTHER, entry.messageId())).isEmpty();
        assertThat(fixture.sending.outboxEntry(ACCOUNT, entry.messageId())).isPresent();
    }

    @Test
    @DisplayName("the builder refuses a lease not longer than a carrier's submit timeout, and a missing store or carrier")
    void builderChecks() {
        assertThatThrownBy(() -> InboxKit.builder().store(fixture.store).carrier(fixture.carrier)
                .sendingOptions(sending -> sending.lease(fixture.carrier.capabilities().submitTimeout())).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> InboxKit.builder().carrier(fixture.carrier).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("store"))
                .hasMessageContaining("store");
        assertThatThrownBy(() -> InboxKit.builder().store(fixture.store).build().sending())
                .isInstanceOf(SendingNotConfiguredException.class)
                .hasMessageContaining("carrier");
        assertThatThrownBy(() -> InboxKit.builder().sendingOptions(sending -> sending.dispatchBatchSize(0)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("dispatchBatchSize"))
                .hasMessageContaining("dispatchBatchSize");
    }

    private void assertNothingStored() {
        Supplier<InboxCounters> counters = () -> fixture.store.inTransaction(ACCOUNT, tx -> tx.counters().counters());
        assertThat(fixture.conversation(ALICE)).isEmpty();
        assertThat(counters.get()).isEqualTo(InboxCounters.zero());
        assertThat(fixture.events).isEmpty();
    }
}
