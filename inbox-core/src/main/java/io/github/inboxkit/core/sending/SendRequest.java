package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import java.util.Optional;
import io.github.inboxkit.core.compliance.MessageCategory;
import org.immutables.value.Value;

/**
 * A person-to-person message to send now or to schedule (F21, F22, F27, F28): to whom, what, and
 * from which sender ID. Without a sender ID or pool, the account's default sender ID is used.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface SendRequest {

    /** @return who receives it */
    Recipient to();

    /** @return what to send: text and/or one attachment, validated before anything is stored (F26, F28) */
    Draft draft();

    /** @return the sender ID chosen, one of the account's (F21) */
    Optional<String> senderId();

    /** @return the number pool to send through, one of the account's (F22) */
    Optional<String> numberPool();

    /** @return the carrier to send through, else the engine's default carrier */
    Optional<String> carrierId();

    /** @return the user who wrote it */
    Optional<UserId> author();

    /**
     * The host's idempotency key (F46): a second call with the same key within the engine's
     * {@linkplain SendingOptions#idempotencyWindow window} returns the first call's result and
     * queues nothing more, even from another node; with a different request it is refused with
     * {@link IdempotencyKeyReusedException}. Without a key every call queues anew.
     *
     * @return the key, if the host gave one
     */
    Optional<IdempotencyKey> idempotencyKey();

    /**
     * What kind of message this is, for the account's quiet hours (F41): a policy holds only the
     * categories it covers, and never exempts {@link MessageCategory#MARKETING} as a reply.
     *
     * @return the category; {@link MessageCategory#CONVERSATIONAL} by default, since a send is an
     *     agent's message in a thread
     */
    @Value.Default
    default MessageCategory category() {
        return MessageCategory.CONVERSATIONAL;
    }

    /**
     * Starts a request.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableSendRequest.Builder builder() {
        return ImmutableSendRequest.builder();
    }

    /**
     * Refuses asking for both a sender ID and a pool; called by the builder's {@code build()}.
     *
     * @throws ConflictingSenderChoiceException if both a sender ID and a pool are given
     */
    @Value.Check
    default void check() {
        if (senderId().isPresent() && numberPool().isPresent()) {
            throw new ConflictingSenderChoiceException(senderId().get(), numberPool().get());
        }
    }
}
