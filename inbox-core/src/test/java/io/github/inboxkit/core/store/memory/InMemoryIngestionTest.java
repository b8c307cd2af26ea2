package io.github.inboxkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.store.IngestionContract;
import io.github.inboxkit.core.store.InboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs the {@link IngestionContract} against the in-memory store, and what only it keeps yet. */
class InMemoryIngestionTest extends IngestionContract {

    @Override
    protected InboxStore newStore() {
        return InMemoryInboxStore.create();
    }

    @Test
    @DisplayName("F32 a message keeps the carrier's reception time; activity follows the engine's clock")
    void carrierTimeKeptEngineTimeOrders() {
        Instant carrierTime = START.minus(Duration.ofMinutes(7));
        Message stored = kit.ingestion().receive(account, IncomingMessage.of("kestrel", new InboundMessage(
                "K-1", phone(1), "+33700000001", "hello", List.of(), carrierTime))).message();

        assertThat(stored.carrierReceivedAt()).contains(carrierTime);
        assertThat(stored.createdAt()).isEqualTo(START);
        assertThat(kit.conversations().get(account, stored.conversationId()).lastActivityAt()).isEqualTo(START);
        assertThat(kit.conversations().messages(account, stored.conversationId(), 5).get(0).carrierReceivedAt())
                .contains(carrierTime);
    }
}
