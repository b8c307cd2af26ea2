package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.DeliveryStatus;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.text.TextRepair;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.DeliveryReportOutcome;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.text.MalformedTextException;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: one policy for text at the door, the same on every store (F34). Text a carrier delivers
 * is never refused: the NUL character and unpaired surrogates are replaced by U+FFFD and text
 * beyond the engine's limit is cut, and the message says so; text a host gives (drafts, templates,
 * names, custom fields, search terms) with those characters is refused with a {@link
 * MalformedTextException} that names the field, the character and its index, and nothing is
 * written.
 */
public abstract class TextPolicyContract extends StoreContractSupport {

    /** Characters from several planes that every store keeps exactly. */
    private static final String EVERY_PLANE = "Zoé ж ✓ 😀 𝄞 \uD840\uDC00 \uDB40\uDC01 \uDBFF\uDFFD";

    @Test
    @DisplayName("F34 inbound NUL and unpaired surrogates are stored as U+FFFD and the message is marked repaired")
    void inboundMalformedTextIsRepaired() {
        ReceivedMessage received = receive(phone(1), "a\u0000b\uD83Dc\uDE00d😀e");

        Message message = received.message();
        assertThat(message.text()).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd😀e");
        assertThat(message.textRepairs()).containsExactly(TextRepair.MALFORMED_CHARACTERS_REPLACED);
        assertThat(kit.conversations().messages(account, idOf(received), 10)).containsExactly(message);
        assertThat(received.conversation().lastMessagePreview()).doesNotContain("\u0000");
    }

    @Test
    @DisplayName("F32 F34 a repaired inbound message delivered again is the same message, not a second one")
    void repairedInboundStaysIdempotent() {
        ReceivedMessage first = receive(account, phone(1), "x\u0000y", "carrier-repeat");
        ReceivedMessage again = receive(account, phone(1), "x\u0000y", "carrier-repeat");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(kit.conversations().messages(account, idOf(first), 10)).hasSize(1);
    }

    @Test
    @DisplayName("F34 well-formed inbound text from every plane is kept exactly and not marked")
    void wellFormedInboundIsKeptExactly() {
        ReceivedMessage received = receive(phone(1), EVERY_PLANE);

        assertThat(received.message().text()).isEqualTo(EVERY_PLANE);
        assertThat(received.message().textRepairs()).isEmpty();
        assertThat(kit.conversations().messages(account, idOf(received), 10)).containsExactly(received.message());
    }

    @Test
    @DisplayName("F34 inbound text beyond the limit is cut, never inside a surrogate pair, and marked truncated")
    void longInboundIsCut() {
        InboxKit limited = InboxKit.builder().store(store).clock(clock).eventListener(events::add)
                .entitlements(Entitlements.all()).maxInboundTextLength(2048).build();
        String text = "a".repeat(2047) + "😀" + "b".repeat(1000) + "\u0000";

        ReceivedMessage received = limited.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("carrier-long").contactNumber(phone(1)).accountNumber("+33700000001").text(text)
                .build());

        assertThat(received.message().text()).isEqualTo("a".repeat(2047));
        assertThat(received.message().textRepairs()).containsExactly(TextRepair.TRUNCATED);
        assertThat(kit.conversations().messages(account, idOf(received), 10)).containsExactly(received.message());
    }

    @Test
    @DisplayName("F34 the default limit keeps 64 Ki UTF-16 code units and cuts what follows, repairing the rest")
    void defaultLimitIs64Ki() {
        String text = "\u0000" + "c".repeat(InboxKit.DEFAULT_MAX_INBOUND_TEXT_LENGTH);

        ReceivedMessage received = receive(phone(1), text);

        assertThat(received.message().text()).hasSize(InboxKit.DEFAULT_MAX_INBOUND_TEXT_LENGTH)
                .startsWith("\uFFFDccc");
        assertThat(received.message().textRepairs())
                .containsExactlyInAnyOrder(TextRepair.TRUNCATED, TextRepair.MALFORMED_CHARACTERS_REPLACED);
        assertThat(kit.conversations().messages(account, idOf(received), 1)).containsExactly(received.message());
    }

    @Test
    @DisplayName("F34 an outbound message's text with NUL is refused naming field, character and index; nothing is written")
    void outboundTextRefused() {
        MalformedTextException refused = refusal(() -> send(phone(1), "Hi\u0000there"));

        assertThat(refused.field()).isEqualTo("text");
        assertThat(refused.index()).isEqualTo(2);
        assertThat(refused.character()).isEqualTo("U+0000");
        assertThat(refused.problem()).isEqualTo(MalformedTextException.Problem.NUL_CHARACTER);
        assertThat(refused).hasMessageContaining("U+0000").hasMessageContaining("index 2").hasMessageContaining("text");
        assertThat(kit.conversations().findByPhone(account, phone(1))).isEmpty();
        assertThat(refusal(() -> send(phone(1), "ok \uD83D")).problem())
                .isEqualTo(MalformedTextException.Problem.UNPAIRED_SURROGATE);
    }

    @Test
    @DisplayName("F17 F34 contact names and custom field text with NUL or an unpaired surrogate are refused; nothing is written")
    void contactTextRefused() {
        MalformedTextException name = refusal(() -> kit.contacts().create(account, phone(1),
                ContactDetails.builder().firstName("Zo\uDE00").build()));
        assertThat(name.field()).isEqualTo("firstName");
        assertThat(name.index()).isEqualTo(2);
        assertThat(name.codeUnit()).isEqualTo('\uDE00');
        assertThat(name.character()).isEqualTo("U+DE00");

        assertThat(refusal(() -> kit.contacts().create(account, phone(1),
                ContactDetails.builder().lastName("\u0000").build())).field()).isEqualTo("lastName");
        MalformedTextException field = refusal(() -> kit.contacts().create(account, phone(1), ContactDetails.builder()
                .putCustomFields("note", CustomFieldValue.text("ok\uD800")).build()));
        assertThat(field.field()).isEqualTo("customFields.note");
        assertThat(field.index()).isEqualTo(2);
        assertThat(kit.contacts().findByPhone(account, phone(1))).isEmpty();
    }

    @Test
    @DisplayName("F17 F34 names and custom field text from every plane are kept exactly")
    void contactTextFromEveryPlaneKept() {
        Contact saved = kit.contacts().create(account, phone(1), ContactDetails.builder()
                .firstName("Zoé 😀").lastName("\uD840\uDC00")
                .putCustomFields("note", CustomFieldValue.text(EVERY_PLANE)).build());
        receive(phone(1), "hello");

        assertThat(kit.contacts().get(account, saved.id())).isEqualTo(saved);
        assertThat(kit.inbox().list(account, InboxQuery.builder().search("é 😀").build()).rows())
                .extracting(InboxRow::contactName).containsExactly(java.util.Optional.of("Zoé 😀 \uD840\uDC00"));
    }

    @Test
    @DisplayName("F34 user display names, the account name and settings' texts are refused with NUL or unpaired surrogates")
    void administrationTextRefused() {
        assertThat(refusal(() -> kit.administration().addUser(account, UserId.of("carol"), "Carol\u0000")).field())
                .isEqualTo("displayName");
        assertThat(refusal(() -> kit.administration().renameUser(account, alice, "\uD83D")).field())
                .isEqualTo("displayName");
        assertThat(kit.administration().users(account)).hasSize(2);
        assertThat(kit.administration().user(account, alice).displayName()).isEqualTo("Alice Martin");

        AccountId other = AccountId.of("acct-" + UUID.randomUUID());
        assertThat(refusal(() -> kit.administration().createAccount(other, "Acme\uDC00", AccountSettings.defaults()))
                .field()).isEqualTo("name");
        MalformedTextException template = refusal(() -> kit.administration().createAccount(other, "Acme",
                AccountSettings.builder().putTemplates("reminder", "Hi {{firstName}}\u0000").build()));
        assertThat(template.field()).isEqualTo("templates.reminder");
        assertThat(template.index()).isEqualTo(16);
        assertThat(refusal(() -> kit.administration().updateSettings(account, AccountSettings.builder()
                .defaultRegion("FR").addOptOutKeywords("ST\uD800OP").build())).field()).isEqualTo("optOutKeywords");
        assertThat(kit.administration().account(account).settings().optOutKeywords())
                .isEqualTo(AccountSettings.DEFAULT_OPT_OUT_KEYWORDS);
        assertThatThrownBy(() -> kit.administration().account(other))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchAccountException.class);
    }

    @Test
    @DisplayName("F8 F15 F34 search terms with NUL or an unpaired surrogate are refused, well-formed ones from every plane match")
    void searchTerms() {
        ReceivedMessage received = receive(phone(1), "Order 4711 " + EVERY_PLANE);
        ConversationId id = idOf(received);

        MalformedTextException inbox = refusal(() -> InboxQuery.builder().search("4711\u0000").build());
        assertThat(inbox.field()).isEqualTo("search");
        assertThat(inbox.index()).isEqualTo(4);
        MalformedTextException thread = refusal(() -> kit.conversations().search(account, id, "\uD83D4711"));
        assertThat(thread.field()).isEqualTo("text");
        assertThat(thread.index()).isZero();

        for (String term : List.of("😀 𝄞", "\uD840\uDC00", "\uDBFF\uDFFD", "ж ✓")) {
            assertThat(kit.inbox().list(account, InboxQuery.builder().search(term).build()).rows())
                    .as(term).extracting(InboxRow::conversationId).containsExactly(id);
            assertThat(kit.conversations().search(account, id, term)).as(term).containsExactly(received.message());
        }
    }

    @Test
    @DisplayName("F34 a repaired inbound message is found by what it kept, U+FFFD included")
    void repairedTextIsSearchable() {
        ReceivedMessage received = receive(phone(1), "ref\u0000 AB-12");

        assertThat(kit.conversations().search(account, idOf(received), "ref\uFFFD ab-12"))
                .containsExactly(received.message());
    }

    @Test
    @DisplayName("F34 an outbound message recorded with well-formed text from every plane reads back exactly")
    void outboundFromEveryPlane() {
        Message sent = kit.conversations().recordOutbound(account, NewOutboundMessage.builder()
                .to(new PhoneNumber(phone(1))).text(EVERY_PLANE).author(alice).build());

        assertThat(sent.textRepairs()).isEmpty();
        assertThat(kit.conversations().messages(account, sent.conversationId(), 10)).containsExactly(sent);
    }

    @Test
    @DisplayName("F28 F34 a draft sent with NUL or an unpaired surrogate is refused before anything is queued; one from every plane is queued exactly")
    void draftsThroughSending() {
        AccountId sender = newAccount(AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700000001")).defaultSenderId("+33700000001").build());
        Sending sending = sendingKit().sending();

        MalformedTextException refused = refusal(() -> sending.send(sender, SendRequest.builder()
                .to(Recipient.number(phone(1))).draft(Draft.ofText("Code \u0000 42")).build()));
        assertThat(refused.field()).isEqualTo("text");
        assertThat(refused.index()).isEqualTo(5);
        assertThat(refusal(() -> sending.send(sender, SendRequest.builder().to(Recipient.number(phone(1)))
                .draft(Draft.ofText("\uDE00")).build())).problem()).isEqualTo(MalformedTextException.Problem.UNPAIRED_SURROGATE);
        assertThat(kit.conversations().findByPhone(sender, phone(1))).isEmpty();

        OutboxEntry queued = sending.send(sender, SendRequest.builder().to(Recipient.number(phone(1)))
                .draft(Draft.ofText(EVERY_PLANE)).build());
        assertThat(queued.text()).isEqualTo(EVERY_PLANE);
        assertThat(kit.conversations().messages(sender, queued.conversationId(), 10))
                .extracting(Message::text).containsExactly(EVERY_PLANE);
    }

    @Test
    @DisplayName("F31 F34 a delivery report with NUL or unpaired surrogates is kept with U+FFFD, never refused into a retry loop")
    void deliveryReportRepaired() {
        Sending sending = sendingKit().sending();

        DeliveryReportOutcome outcome = sending.applyDeliveryReport(account, SimulatedCarrier.ID,
                new DeliveryReport("SM\u0000x", DeliveryStatus.FAILED, "30\uD8007", START));

        assertThat(outcome).isEqualTo(DeliveryReportOutcome.UNMATCHED);
        assertThat(sending.unmatchedReports(account, 10)).singleElement().satisfies(kept -> {
            assertThat(kept.report().carrierMessageId()).isEqualTo("SM\uFFFDx");
            assertThat(kept.report().carrierErrorCode()).isEqualTo("30\uFFFD7");
        });
    }

    /** An engine on the store under test with the simulated carrier, for the sending pipeline. */
    private InboxKit sendingKit() {
        return InboxKit.builder().store(store).clock(clock).eventListener(events::add)
                .carrier(SimulatedCarrier.builder().seed(1).clock(clock).build()).build();
    }

    private static MalformedTextException refusal(ThrowingCallable call) {
        MalformedTextException refused = catchThrowableOfType(MalformedTextException.class, call);
        assertThat(refused).as("refused with MalformedTextException").isNotNull();
        return refused;
    }
}
