package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: ingestion of inbound messages (F3, F4, F11, F12, F18, F32). */
public abstract class IngestionContract extends StoreContractSupport {

    @Test
    @DisplayName("F4 inbound messages from one number in any formatting share one thread")
    void oneThreadPerNumber() {
        ReceivedMessage first = receive("+33 6 12 34 56 78", "Bonjour");
        ReceivedMessage second = receive("06.12.34.56.78", "Vous êtes là ?");
        ReceivedMessage third = receive("0033612345678", "Allô");

        assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(third.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(first.message().contactPhone().e164()).isEqualTo("+33612345678");
        assertThat(third.message().sequence()).isEqualTo(3);
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
    }

    @Test
    @DisplayName("F4 one thread per number whatever account number it reached")
    void oneThreadWhateverSenderNumber() {
        ReceivedMessage first = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("a1").contactNumber(phone(1)).accountNumber("+33700000001").text("one").build());
        ReceivedMessage second = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("a2").contactNumber(phone(1)).accountNumber("36111").text("two").build());

        assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(second.message().senderId()).contains("36111");
    }

    @Test
    @DisplayName("F11 an inbound message raises the conversation's unread count and the badge once")
    void inboundRaisesUnread() {
        receive(phone(1), "one");
        ReceivedMessage second = receive(phone(1), "two");
        receive(phone(2), "three");

        assertThat(second.conversation().unreadCount()).isEqualTo(2);
        assertThat(second.message().read()).isFalse();
        assertThat(badge()).isEqualTo(2);
    }

    @Test
    @DisplayName("F12 every inbound message publishes MessageReceived with the badge, after commit")
    void messageReceivedEvent() {
        receive(phone(1), "one");
        ReceivedMessage second = receive(phone(2), "two");

        List<InboxEvent.MessageReceived> received = eventsOf(InboxEvent.MessageReceived.class);
        assertThat(received).hasSize(2);
        InboxEvent.MessageReceived last = received.get(1);
        assertThat(last.account()).isEqualTo(account);
        assertThat(last.message()).isEqualTo(second.message().id());
        assertThat(last.conversation()).isEqualTo(second.conversation().id());
        assertThat(last.badge()).isEqualTo(2);
        assertThat(last.conversationUnreadCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("F3 a new inbound message reopens a closed conversation")
    void inboundReopens() {
        ReceivedMessage first = receive(phone(1), "hello");
        kit.conversations().close(account, idOf(first));
        events.clear();

        ReceivedMessage again = receive(phone(1), "still there?");

        assertThat(again.conversation().state()).isEqualTo(ConversationState.OPEN);
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).closedConversations()).isZero();
        assertThat(eventsOf(InboxEvent.ConversationReopened.class)).singleElement()
                .satisfies(event -> assertThat(event.byActivity()).isTrue());
    }

    @Test
    @DisplayName("F32 the same carrier message id twice creates one message and returns the first result")
    void duplicateIsNoOp() {
        ReceivedMessage first = receive(account, phone(1), "hello", "carrier-42");
        advance(Duration.ofSeconds(5));
        ReceivedMessage second = receive(account, phone(1), "hello", "carrier-42");

        assertThat(second.duplicate()).isTrue();
        assertThat(first.duplicate()).isFalse();
        assertThat(second.message()).isEqualTo(first.message());
        assertThat(kit.conversations().messages(account, idOf(first), 10)).hasSize(1);
        assertThat(second.conversation().unreadCount()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(1);
    }

    @Test
    @DisplayName("F32 carrier message ids are per account: the same id in two accounts gives two messages")
    void carrierIdsPerAccount() {
        AccountId other = newAccount(AccountSettings.defaults());
        receive(account, phone(1), "hello", "shared-id");
        ReceivedMessage inOther = receive(other, phone(1), "hello", "shared-id");

        assertThat(inOther.duplicate()).isFalse();
    }

    @Test
    @DisplayName("F20 inbound messages keep text, media and direction")
    void keepsContent() {
        ReceivedMessage received = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("mms-1").contactNumber(phone(3)).accountNumber("+33700000001").text("")
                .addMedia(new MediaReference("image/png", "https://carrier.example/media/1"))
                .build());

        Message stored = kit.conversations().messages(account, idOf(received), 10).get(0);
        assertThat(stored.direction()).isEqualTo(Direction.INBOUND);
        assertThat(stored.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(stored.media()).containsExactly(new MediaReference("image/png", "https://carrier.example/media/1"));
        assertThat(received.conversation().lastMessagePreview()).isEqualTo("[image]");
    }

    @Test
    @DisplayName("F18 an opt-out keyword unsubscribes the number, recording time, message and keyword")
    void optOutKeyword() {
        ReceivedMessage stop = receive(phone(1), "  stop ");

        List<OptOutRecord> history = kit.contacts().subscriptionHistory(account, phoneNumber(1));
        assertThat(history).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(OptOutAction.OPTED_OUT);
            assertThat(record.source()).isEqualTo(OptOutSource.KEYWORD);
            assertThat(record.causedByMessage()).contains(stop.message().id());
            assertThat(record.keyword()).contains("STOP");
            assertThat(record.recordedAt()).isEqualTo(START);
        });
        assertThat(kit.contacts().isOptedOut(account, phoneNumber(1))).isTrue();
        assertThat(eventsOf(InboxEvent.SubscriptionChanged.class)).hasSize(1);
    }

    @Test
    @DisplayName("F18 keywords match the whole message ignoring case, accents and spaces; per-language lists extend")
    void keywordMatching() {
        AccountId french = newAccount(AccountSettings.builder()
                .defaultRegion("FR")
                .addAllOptOutKeywords(AccountSettings.DEFAULT_OPT_OUT_KEYWORDS)
                .addOptOutKeywords("ARRET")
                .build());
        receive(french, phone(1), "Arrêt", "k1");
        receive(french, phone(2), "please stop texting me", "k2");
        receive(french, phone(3), "U N S U B S C R I B E", "k3");

        assertThat(kit.contacts().isOptedOut(french, phoneNumber(1))).isTrue();
        assertThat(kit.contacts().isOptedOut(french, phoneNumber(2))).isFalse();
        assertThat(kit.contacts().isOptedOut(french, phoneNumber(3))).isTrue();
    }

    @Test
    @DisplayName("F18 an opt-in keyword re-subscribes an opted-out number; auto opt-out can be disabled")
    void optInKeyword() {
        receive(phone(1), "STOP");
        receive(phone(1), "start");
        assertThat(kit.contacts().isOptedOut(account, phoneNumber(1))).isFalse();
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1)))
                .extracting(OptOutRecord::action)
                .containsExactly(OptOutAction.OPTED_OUT, OptOutAction.OPTED_IN);

        AccountId manual = newAccount(AccountSettings.builder().autoOptOut(false).build());
        receive(manual, phone(1), "STOP", "m1");
        assertThat(kit.contacts().isOptedOut(manual, phoneNumber(1))).isFalse();
    }

    @Test
    @DisplayName("F18 a repeated STOP records one opt-out; YES from a subscribed number changes nothing")
    void keywordsAreIdempotent() {
        receive(phone(1), "STOP");
        receive(phone(1), "stop");
        receive(phone(2), "yes");

        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1))).hasSize(1);
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(2))).isEmpty();
    }

    @Test
    @DisplayName("F32 the carrier's reception time reads back from the store at microsecond precision, and stays absent when not given")
    void carrierReceivedAtRoundTrips() {
        // earlier than the engine's clock and not on a whole second, so a store that drops or
        // rounds the value, or substitutes its own time, is caught
        java.time.Instant carrierTime = START.minusSeconds(90).plusNanos(123_456_000);
        ReceivedMessage timed = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("timed-1").contactNumber(phone(1)).accountNumber("+33700000001").text("hi")
                .receivedAt(carrierTime).build());
        ReceivedMessage untimed = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("untimed-1").contactNumber(phone(2)).accountNumber("+33700000001").text("hi")
                .build());

        Message storedTimed = kit.conversations().messages(account, idOf(timed), 10).get(0);
        assertThat(storedTimed.carrierReceivedAt()).contains(carrierTime);
        assertThat(storedTimed.createdAt()).isEqualTo(clock.instant());
        assertThat(kit.conversations().messages(account, idOf(untimed), 10).get(0).carrierReceivedAt()).isEmpty();
    }

    @Test
    @DisplayName("F29 F32 a carrier's parsed webhook message is ingested once, with its media")
    void carrierInboundMessage() {
        io.github.inboxkit.carrier.InboundMessage parsed = new io.github.inboxkit.carrier.InboundMessage(
                "sim-1", "+33612345678", "+33700000001", "photo",
                List.of(new io.github.inboxkit.carrier.InboundMedia("image/jpeg",
                        java.net.URI.create("https://carrier.example/m/1"))),
                START);

        ReceivedMessage first = kit.ingestion().receive(account, parsed);
        ReceivedMessage again = kit.ingestion().receive(account, parsed);

        assertThat(first.message().media()).containsExactly(
                new MediaReference("image/jpeg", "https://carrier.example/m/1"));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().id()).isEqualTo(first.message().id());
    }

    @Test
    @DisplayName("F33 ingestion into a missing account is refused and leaves nothing")
    void missingAccount() {
        assertThatThrownBy(() -> receive(AccountId.of("nobody"), phone(1), "hi", "x1"))
                .isInstanceOf(NoSuchAccountException.class);
    }

    @Test
    @DisplayName("F17 a sender that is not a phone number is refused with a typed error and nothing is stored")
    void invalidSender() {
        assertThatThrownBy(() -> receive("not a number", "hi"))
                .isInstanceOf(InvalidPhoneNumberException.class);
        assertThat(kit.inbox().counters(account).openConversations()).isZero();
    }

    @Test
    @DisplayName("F32 one message id from two carriers is two messages; a repeat from one carrier is a no-op")
    void idempotencyIsPerCarrier() {
        var base = IncomingMessage.builder()
                .carrierMessageId("SM-1").contactNumber(phone(1)).accountNumber("+33700000001").text("hi");
        ReceivedMessage viaA = kit.ingestion().receive(account, base.carrierId("carrier-a").build());
        ReceivedMessage viaB = kit.ingestion().receive(account, base.carrierId("carrier-b").build());
        ReceivedMessage againViaA = kit.ingestion().receive(account, base.carrierId("carrier-a").build());

        assertThat(viaB.duplicate()).isFalse();
        assertThat(viaB.message().id()).isNotEqualTo(viaA.message().id());
        assertThat(againViaA.duplicate()).isTrue();
        assertThat(againViaA.message().id()).isEqualTo(viaA.message().id());
        assertThat(kit.conversations().get(account, idOf(viaA)).unreadCount()).isEqualTo(2);
    }
}
