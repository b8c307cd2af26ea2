package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of the inbox, with what the screen shows: the contact's name or number, the last
 * message's preview and time, the unread count, the assignee's initials and the tab.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface InboxRow {

    /** @return the conversation */
    ConversationId conversationId();

    /** @return the contact's phone number */
    PhoneNumber contactPhone();

    /** @return the saved contact's full name, if the number is a saved contact with a name */
    Optional<String> contactName();

    /** @return the name if known, else the phone number in E.164 form */
    default String displayName() {
        return contactName().orElse(contactPhone().e164());
    }

    /** @return the start of the last message's text */
    String preview();

    /** @return the time of the last activity */
    Instant lastActivityAt();

    /** @return the number of unread messages */
    int unreadCount();

    /** @return the assignee */
    Optional<UserId> assignee();

    /** @return the assignee's initials (F9) */
    Optional<String> assigneeInitials();

    /** @return OPEN or CLOSED */
    ConversationState state();

    /**
     * When a snoozed conversation wakes (F37), for the snoozed view to show.
     *
     * @return the wake time; empty if the conversation is not snoozed or waits for the contact's reply
     */
    Optional<Instant> snoozedUntil();

    /**
     * Starts building a row.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableInboxRow.Builder builder() {
        return ImmutableInboxRow.builder();
    }
}
