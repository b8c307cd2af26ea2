package io.github.inboxkit.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.core.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IncomingMessageTest {

    private static final Instant CARRIER_TIME = Instant.parse("2026-11-25T08:53:00Z");

    private static InboundMessage inbound(String id) {
        return new InboundMessage(id, "+33612345678", "+33700000001", "hello", List.of(), CARRIER_TIME);
    }

    @Test
    @DisplayName("F32 a carrier's inbound message keeps its reception time and names its carrier")
    void ofKeepsReceivedAtAndCarrier() {
        IncomingMessage message = IncomingMessage.of("kestrel", inbound("K-1"));

        assertThat(message.receivedAt()).contains(CARRIER_TIME);
        assertThat(message.carrierId()).isEqualTo("kestrel");
        assertThat(message.idempotencyKey()).isEqualTo("kestrel:K-1");
    }

    @Test
    @DisplayName("F32 the default carrier's idempotency key is the bare carrier message id")
    void defaultCarrier() {
        IncomingMessage message = IncomingMessage.of(inbound("SM-9"));

        assertThat(message.carrierId()).isEqualTo(IncomingMessage.DEFAULT_CARRIER);
        assertThat(message.idempotencyKey()).isEqualTo("SM-9");
        assertThat(message.receivedAt()).contains(CARRIER_TIME);
    }

    @Test
    @DisplayName("F32 a key longer than the store keeps is refused with a typed error")
    void keyTooLong() {
        assertThatThrownBy(() -> IncomingMessage.of("kestrel", inbound("x".repeat(195))))
                .isInstanceOf(InvalidValueException.class);
    }
}
