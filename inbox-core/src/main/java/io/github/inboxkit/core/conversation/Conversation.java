package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A conversation: the single thread of an account with one contact phone number, whatever sender
 * number its messages used (F4). It carries its maintained counters and what the inbox row shows.
 *
 * <p>Invariant kept by the engine: {@link #unreadCount()} equals the number of unread inbound
 * messages of the conversation.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Conversation {

    /** @return the conversation's id */
    ConversationId id();

    /** @return the contact's phone number; unique per account */
    PhoneNumber contactPhone();

    /** @return OPEN or CLOSED (F2) */
    ConversationState state();

    /** @return the user the conversation is assigned to, if any (F9) */
    Optional<UserId> assignee();

    /** @return the number of unread inbound messages (F11), never negative */
    int unreadCount();

    /** @return the time of the last message, or of creation if it has none; orders the inbox */
    Instant lastActivityAt();

    /** @return the start of the last message's text (at most 160 characters), empty if none */
    String lastMessagePreview();

    /**
     * The sequence number of the last message appended; the next message gets this plus one.
     *
     * @return 0 for a conversation without messages
     */
    long lastMessageSequence();

    /** @return when the conversation was created */
    Instant createdAt();

    /**
     * Whether the conversation is snoozed (F37): it is open, but listed in the snoozed view rather
     * than the open tab until it wakes, at {@link #snoozedUntil()} or when the contact replies.
     *
     * @return true while snoozed; false by default
     */
    @Value.Default
    default boolean snoozed() {
        return false;
    }

    /**
     * When a snoozed conversation wakes (F37).
     *
     * @return the wake time; empty if the conversation is not snoozed or waits for the contact's reply
     */
    Optional<Instant> snoozedUntil();

    /**
     * Starts building a conversation.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableConversation.Builder builder() {
        return ImmutableConversation.builder();
    }

    /** Checks the counters. */
    @Value.Check
    default void check() {
        Require.argument(unreadCount() >= 0, "unreadCount", "must not be negative");
        Require.argument(lastMessageSequence() >= 0, "lastMessageSequence", "must not be negative");
        Require.argument(lastMessagePreview().length() <= 160, "lastMessagePreview", "must be at most 160 characters");
        Require.argument(snoozed() || snoozedUntil().isEmpty(), "snoozedUntil", "must be empty unless snoozed");
        Require.argument(!snoozed() || state() == ConversationState.OPEN, "snoozed", "only an open conversation is snoozed");
    }
}
