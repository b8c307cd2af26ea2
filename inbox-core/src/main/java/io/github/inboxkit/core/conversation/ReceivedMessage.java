package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import org.immutables.value.Value;

/**
 * The result of ingesting an inbound message: the stored message and its conversation, and whether
 * the carrier id had been seen before (then nothing changed and {@link #message()} is the first
 * delivery's message, F32).
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface ReceivedMessage {

    /** @return the stored message */
    Message message();

    /** @return the conversation after ingestion */
    Conversation conversation();

    /** @return true if this was a repeated delivery and nothing changed */
    boolean duplicate();

    /**
     * Starts building a result.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableReceivedMessage.Builder builder() {
        return ImmutableReceivedMessage.builder();
    }
}
