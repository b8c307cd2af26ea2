package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.Require;
import java.util.List;
import java.util.Optional;
import io.github.inboxkit.core.compliance.MessageCategory;
import org.immutables.value.Value;

/**
 * What every copy of a broadcast carries (F19), checked once when the broadcast is created and kept
 * by the store beside it until the dispatcher has written each recipient's copy into its thread
 * (see {@link QueuedRecipient}). Part of the store port; hosts do not build it.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface BroadcastContent extends MessageContent {

    /** @return the id of the carrier that sends every copy */
    String carrierId();

    /** @return the user who sent the broadcast */
    Optional<UserId> author();

    /**
     * @return the category of every copy (F41); {@link MessageCategory#MARKETING} unless the
     *     broadcast said otherwise
     */
    @Value.Default
    default MessageCategory category() {
        return MessageCategory.MARKETING;
    }

    /**
     * Starts a content.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableBroadcastContent.Builder builder() {
        return ImmutableBroadcastContent.builder();
    }

    /** Refuses content no check can produce. */
    @Value.Check
    default void check() {
        Require.argument(!text().isEmpty() || !media().isEmpty(), "text",
                "must not be empty when there is no media: a broadcast needs text or media");
        Require.argument(segmentCount() >= 0, "segmentCount", "must be >= 0");
    }
}
