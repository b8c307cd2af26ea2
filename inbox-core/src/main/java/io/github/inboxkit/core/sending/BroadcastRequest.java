package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.compose.Draft;
import java.util.List;
import java.util.Optional;
import io.github.inboxkit.core.compliance.MessageCategory;
import org.immutables.value.Value;

/**
 * A named broadcast to send (F19): one text (and optional attachment) to many recipients, each
 * copy in the recipient's own thread and labelled with the name.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface BroadcastRequest {

    /** @return the broadcast's name, shown as the label of each message */
    String name();

    /** @return the recipients, in order; duplicates get one message */
    List<Recipient> recipients();

    /** @return what to send: text and/or one attachment, validated before anything is stored (F26, F28) */
    Draft draft();

    /** @return the sender ID chosen, one of the account's */
    Optional<String> senderId();

    /** @return the number pool to send through, one of the account's */
    Optional<String> numberPool();

    /** @return the carrier, else the engine's default carrier */
    Optional<String> carrierId();

    /** @return the user who sent it */
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
     * What kind of message every copy is, for the account's quiet hours (F41).
     *
     * @return the category; {@link MessageCategory#MARKETING} by default, since a message sent to
     *     many at once is what quiet-hours rules are written for (say {@link
     *     MessageCategory#INFORMATIONAL} for a service notice)
     */
    @Value.Default
    default MessageCategory category() {
        return MessageCategory.MARKETING;
    }

    /**
     * Starts a request.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableBroadcastRequest.Builder builder() {
        return ImmutableBroadcastRequest.builder();
    }

    /**
     * Checks the name and the sender choice; called by the builder's {@code build()}.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if the name is blank or over 200
     *     characters (field {@code "name"})
     * @throws io.github.inboxkit.core.text.MalformedTextException if the name holds the NUL
     *     character or an unpaired surrogate
     * @throws ConflictingSenderChoiceException if both a sender ID and a pool are given
     */
    @Value.Check
    default void check() {
        if (name().isBlank() || name().length() > 200) {
            // a name a user typed: a typed refusal a host can show next to the field
            throw new InvalidValueException("name", "must be 1 to 200 characters, not blank");
        }
        io.github.inboxkit.core.text.TextPolicy.requireStorable(name(), "name");
        if (senderId().isPresent() && numberPool().isPresent()) {
            throw new ConflictingSenderChoiceException(senderId().get(), numberPool().get());
        }
    }
}
