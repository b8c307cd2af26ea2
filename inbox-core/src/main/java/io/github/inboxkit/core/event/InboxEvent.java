package io.github.inboxkit.core.event;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.compliance.QuietHoursReason;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in an account's inbox. A host switches over the records exhaustively.
 *
 * <p>Events carry ids and counters, not message bodies; a host that wants to show the text reads it
 * through the use cases. All implementations are immutable and thread-safe.
 */
public sealed interface InboxEvent {

    /** @return the account it happened in */
    AccountId account();

    /** @return when it happened, by the engine's clock */
    Instant occurredAt();

    /**
     * A new inbound message was stored (F12): the cue for a desktop or browser notification.
     *
     * @param account the account
     * @param conversation the conversation it was appended to
     * @param message the new message
     * @param conversationUnreadCount the conversation's unread count after it
     * @param badge the account's number of conversations with unread messages after it (F11)
     * @param occurredAt when
     */
    record MessageReceived(AccountId account, ConversationId conversation, MessageId message,
            int conversationUnreadCount, long badge, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public MessageReceived {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(message);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * An outbound message was recorded in a conversation.
     *
     * @param account the account
     * @param conversation the conversation
     * @param message the message
     * @param occurredAt when
     */
    record OutboundMessageRecorded(AccountId account, ConversationId conversation, MessageId message,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public OutboundMessageRecorded {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(message);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * Unread counts changed because a user marked something read or unread (F6, F11, F20).
     *
     * @param account the account
     * @param conversation the conversation whose count changed
     * @param conversationUnreadCount its unread count now
     * @param badge the account's badge now
     * @param occurredAt when
     */
    record UnreadCountChanged(AccountId account, ConversationId conversation, int conversationUnreadCount,
            long badge, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public UnreadCountChanged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A conversation moved to the closed tab (F2, F16).
     *
     * @param account the account
     * @param conversation the conversation
     * @param occurredAt when
     */
    record ConversationClosed(AccountId account, ConversationId conversation, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public ConversationClosed {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A conversation moved back to the open tab, by a user or by new activity (F2, F3).
     *
     * @param account the account
     * @param conversation the conversation
     * @param byActivity true if a new message reopened it, false if a user did
     * @param occurredAt when
     */
    record ConversationReopened(AccountId account, ConversationId conversation, boolean byActivity,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public ConversationReopened {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A conversation was assigned or unassigned (F9, F13).
     *
     * @param account the account
     * @param change the change, as recorded in the ownership history
     */
    record AssignmentChanged(AccountId account, AssignmentChange change) implements InboxEvent {
        /** Checks the parts are present. */
        public AssignmentChanged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(change);
        }

        @Override
        public Instant occurredAt() {
            return change.changedAt();
        }
    }

    /**
     * A phone number opted out or in, by keyword or by a user (F18).
     *
     * @param account the account
     * @param record the change, as recorded in the subscription history
     */
    record SubscriptionChanged(AccountId account, OptOutRecord record) implements InboxEvent {
        /** Checks the parts are present. */
        public SubscriptionChanged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(record);
        }

        @Override
        public Instant occurredAt() {
            return record.recordedAt();
        }
    }

    /**
     * A user started typing in a conversation (F14). It lasts until a {@link TypingStopped} or the
     * typing timeout after the last keystroke.
     *
     * @param account the account
     * @param conversation the conversation
     * @param user the user typing
     * @param occurredAt when
     */
    record TypingStarted(AccountId account, ConversationId conversation, UserId user, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public TypingStarted {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(user);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A user stopped typing in a conversation, explicitly or by sending (F14). Expiry after the
     * timeout raises no event: clients expire the indicator themselves.
     *
     * @param account the account
     * @param conversation the conversation
     * @param user the user
     * @param occurredAt when
     */
    record TypingStopped(AccountId account, ConversationId conversation, UserId user, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public TypingStopped {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(user);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * An outbound message changed status (F27, F31): queued, scheduled, being sent, sent,
     * delivered, failed or cancelled. Added by the sending pipeline; the reason of a failure is on
     * the message's outbox entry ({@code Sending.outboxEntry}).
     *
     * @param account the account
     * @param conversation the conversation of the message
     * @param message the message
     * @param status its status now
     * @param occurredAt when
     */
    record MessageStatusChanged(AccountId account, ConversationId conversation, MessageId message,
            MessageStatus status, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public MessageStatusChanged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(message);
            Objects.requireNonNull(status);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * The account's quiet hours held an outbound message (F41), when it was queued or when a
     * dispatcher claimed it: it stays QUEUED (or SCHEDULED) and goes at {@code releaseAt}. Its
     * outbox entry's {@code hold()} says the same.
     *
     * @param account the account
     * @param conversation the conversation of the message
     * @param message the message
     * @param reason why the policy held it
     * @param releaseAt when it may go: the window's opening in the recipient's zone
     * @param occurredAt when
     */
    record MessageHeld(AccountId account, ConversationId conversation, MessageId message, QuietHoursReason reason,
            Instant releaseAt, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public MessageHeld {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(message);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(releaseAt);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A message quiet hours held (F41) was claimed by a dispatcher inside the window and goes to its
     * carrier now: once per hold, on one node.
     *
     * @param account the account
     * @param conversation the conversation of the message
     * @param message the message
     * @param heldSince when it was held
     * @param occurredAt when
     */
    record MessageReleased(AccountId account, ConversationId conversation, MessageId message, Instant heldSince,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public MessageReleased {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(message);
            Objects.requireNonNull(heldSince);
            Objects.requireNonNull(occurredAt);
        }
    }
}
