package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A named broadcast (F19): one message sent to many recipients, each copy in the recipient's own
 * thread and labelled with the name. Its progress is read with {@link Sending#broadcastProgress}.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Broadcast {

    /** @return the broadcast's id */
    BroadcastId id();

    /** @return the name people gave it, shown as each message's label */
    String name();

    /** @return how many recipients were asked for, skipped ones included */
    int requestedRecipients();

    /** @return when it was created */
    Instant createdAt();

    /**
     * Starts a broadcast.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableBroadcast.Builder builder() {
        return ImmutableBroadcast.builder();
    }
}
