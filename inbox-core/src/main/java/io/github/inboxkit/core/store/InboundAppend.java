package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link InboundAppending#appendInbound} appends: an inbound message, ready to store, and what
 * the thread rules need to know that only the engine decides.
 *
 * <p>Immutable and thread-safe.
 *
 * @param message the inbound message to store: its id, number, text, media, carrier id and time
 *     as they will be stored; its conversation id is the id a thread started for it takes (a
 *     resumed thread keeps its own) and its sequence is replaced by the thread's next one
 * @param preview the thread's preview after the message, as the engine computes it
 * @param windowStart the start of the account's retention window: a thread whose last activity is
 *     before it is stale, and is not appended to here (the engine starts it afresh by its general
 *     rules)
 */
public record InboundAppend(Message message, String preview, Instant windowStart) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is missing
     * @throws IllegalArgumentException if the message is not inbound with a carrier message id
     */
    public InboundAppend {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(windowStart, "windowStart");
        if (message.direction() != Direction.INBOUND || message.carrierMessageId().isEmpty()) {
            throw new IllegalArgumentException("an inbound message with a carrier message id expected");
        }
    }

    /** @return the carrier's message id, what a repeated delivery is recognised by */
    public String carrierMessageId() {
        return message.carrierMessageId().orElseThrow();
    }
}
