package io.github.inboxkit.core.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sending pipeline records its messages by the engine's own thread rules. */
class SendingThreadRulesTest {

    private static final AccountId ACCOUNT = AccountId.of("clinic");
    private static final String NUMBER = "+33612345678";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).clock(clock)
            .carrier(SimulatedCarrier.builder().seed(3).clock(clock).build()).build();

    @Test
    @DisplayName("F4 F11 a send to a number whose thread went quiet past the window starts it afresh, as the engine's own sends do")
    void staleThreadStartsAfresh() {
        kit.administration().createAccount(ACCOUNT, "Clinic", AccountSettings.builder().defaultRegion("FR")
                .senderIds(List.of("+33700000001")).defaultSenderId("+33700000001").build());
        kit.ingestion().receive(ACCOUNT, IncomingMessage.builder().carrierMessageId("old-1").contactNumber(NUMBER)
                .accountNumber("+33700000001").text("Bonjour").build());
        assertThat(kit.inbox().counters(ACCOUNT).badge()).isEqualTo(1);
        clock.advance(Duration.ofDays(91));

        OutboxEntry entry = kit.sending().send(ACCOUNT, SendRequest.builder().to(Recipient.number(NUMBER))
                .draft(Draft.ofText("Nous revoilà")).build());

        Conversation thread = kit.conversations().get(ACCOUNT, entry.conversationId());
        assertThat(thread.unreadCount()).as("the old unread message is outside the window").isZero();
        assertThat(kit.inbox().counters(ACCOUNT).badge()).isZero();
        assertThat(thread.createdAt()).isEqualTo(clock.instant());
        assertThat(thread.lastMessagePreview()).isEqualTo("Nous revoilà");
        assertThat(entry.status()).isEqualTo(MessageStatus.QUEUED);
    }
}
