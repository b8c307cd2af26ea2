package io.github.inboxkit.core.event;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.Block;
import io.github.inboxkit.core.compliance.QuietHoursReason;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.NoteId;
import io.github.inboxkit.core.erasure.ErasureId;
import io.github.inboxkit.core.erasure.ErasureRecord;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.snooze.WakeReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    // ----- labels (F35) -------------------------------------------------------------------------

    /**
     * A label was created (F35).
     *
     * @param account the account
     * @param label the new label
     * @param occurredAt when
     */
    record LabelCreated(AccountId account, Label label, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public LabelCreated {
            Objects.requireNonNull(account);
            Objects.requireNonNull(label);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A label was renamed or given another colour (F35); its conversations keep it.
     *
     * @param account the account
     * @param label the label as it is now
     * @param occurredAt when
     */
    record LabelChanged(AccountId account, Label label, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public LabelChanged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(label);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A label was deleted and taken off every conversation that had it (F35).
     *
     * @param account the account
     * @param label the deleted label's id
     * @param conversationsUnlabelled how many conversations had it
     * @param occurredAt when
     */
    record LabelDeleted(AccountId account, LabelId label, int conversationsUnlabelled, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public LabelDeleted {
            Objects.requireNonNull(account);
            Objects.requireNonNull(label);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A label was put on conversations (F35): only those that did not have it yet.
     *
     * @param account the account
     * @param label the label
     * @param conversations the conversations that got it, at least one, in the order given
     * @param occurredAt when
     */
    record ConversationsLabelled(AccountId account, LabelId label, List<ConversationId> conversations,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present and keeps an unmodifiable copy of the list. */
        public ConversationsLabelled {
            Objects.requireNonNull(account);
            Objects.requireNonNull(label);
            conversations = List.copyOf(conversations);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A label was taken off conversations (F35): only those that had it. Deleting a label publishes
     * {@link LabelDeleted} instead.
     *
     * @param account the account
     * @param label the label
     * @param conversations the conversations that lost it, at least one, in the order given
     * @param occurredAt when
     */
    record ConversationsUnlabelled(AccountId account, LabelId label, List<ConversationId> conversations,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present and keeps an unmodifiable copy of the list. */
        public ConversationsUnlabelled {
            Objects.requireNonNull(account);
            Objects.requireNonNull(label);
            conversations = List.copyOf(conversations);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A team member wrote a private note in a conversation (F36). Nothing was sent and no counter
     * moved.
     *
     * @param account the account
     * @param conversation the conversation
     * @param note the note
     * @param author who wrote it
     * @param occurredAt when
     */
    record NoteAdded(AccountId account, ConversationId conversation, NoteId note, UserId author,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public NoteAdded {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(note);
            Objects.requireNonNull(author);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A private note mentioned a team member by their {@code @initials} (F36): the cue to notify
     * that user. One event per mentioned user and note.
     *
     * @param account the account
     * @param conversation the conversation of the note
     * @param note the note
     * @param mentioned the user mentioned
     * @param author who wrote the note
     * @param occurredAt when
     */
    record NoteMentioned(AccountId account, ConversationId conversation, NoteId note, UserId mentioned,
            UserId author, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public NoteMentioned {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(note);
            Objects.requireNonNull(mentioned);
            Objects.requireNonNull(author);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A number was blocked, or its block replaced (F38).
     *
     * @param account the account
     * @param block the block
     */
    record ContactBlocked(AccountId account, Block block) implements InboxEvent {
        /** Checks the parts are present. */
        public ContactBlocked {
            Objects.requireNonNull(account);
            Objects.requireNonNull(block);
        }

        @Override
        public Instant occurredAt() {
            return block.blockedAt();
        }
    }

    /**
     * A blocked number was unblocked (F38): its new inbound messages reach the inbox again.
     *
     * @param account the account
     * @param phone the number
     * @param by the team member who unblocked it
     * @param occurredAt when
     */
    record ContactUnblocked(AccountId account, PhoneNumber phone, UserId by, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public ContactUnblocked {
            Objects.requireNonNull(account);
            Objects.requireNonNull(phone);
            Objects.requireNonNull(by);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * An inbound message from a blocked number was turned away and counted in the blocked log
     * (F38), for audit: it created no conversation and no message. Raised once per carrier message,
     * not for a repeated delivery.
     *
     * @param account the account
     * @param phone the blocked number
     * @param occurredAt when
     */
    record BlockedInboundReceived(AccountId account, PhoneNumber phone, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public BlockedInboundReceived {
            Objects.requireNonNull(account);
            Objects.requireNonNull(phone);
            Objects.requireNonNull(occurredAt);
        }
    }
    /**
     * A conversation was snoozed, or its snooze changed (F37): it left the open tab for the
     * snoozed view.
     *
     * @param account the account
     * @param conversation the conversation
     * @param until when it wakes; empty if it waits for the contact's reply
     * @param occurredAt when
     */
    record ConversationSnoozed(AccountId account, ConversationId conversation, Optional<Instant> until,
            Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present. */
        public ConversationSnoozed {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(until);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A snoozed conversation woke (F37): it is back in the open tab. Woken by its wake time, it was
     * also marked unread for its assignee (an {@link UnreadCountChanged} follows when that moved
     * its unread count).
     *
     * @param account the account
     * @param conversation the conversation
     * @param reason why it woke
     * @param occurredAt when
     */
    record ConversationWoke(AccountId account, ConversationId conversation, WakeReason reason, Instant occurredAt)
            implements InboxEvent {
        /** Checks the parts are present. */
        public ConversationWoke {
            Objects.requireNonNull(account);
            Objects.requireNonNull(conversation);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * A batch of an erasure committed (F40): messages of the number were deleted, with the media
     * references they held, which the host deletes from where it keeps the bytes. Counters and the
     * badge are exact again; the conversation itself may still exist until the last batch.
     *
     * @param account the account
     * @param erasure the erasure
     * @param conversation the conversation the messages were deleted from
     * @param messages how many were deleted
     * @param media the media references of the deleted messages, possibly empty
     * @param occurredAt when
     */
    record MessagesErased(AccountId account, ErasureId erasure, ConversationId conversation, int messages,
            List<MediaReference> media, Instant occurredAt) implements InboxEvent {
        /** Checks the parts are present and copies the list. */
        public MessagesErased {
            Objects.requireNonNull(account);
            Objects.requireNonNull(erasure);
            Objects.requireNonNull(conversation);
            media = List.copyOf(media);
            Objects.requireNonNull(occurredAt);
        }
    }

    /**
     * An erasure finished (F40): nothing of the number is left in the account but the proof record
     * and, if it was opted out, its hashed opt-out. Carries no number.
     *
     * @param account the account
     * @param record the completed proof record, with the counts of every batch
     */
    record ContactErased(AccountId account, ErasureRecord record) implements InboxEvent {
        /** Checks the parts are present and the record completed. */
        public ContactErased {
            Objects.requireNonNull(account);
            Objects.requireNonNull(record);
            if (record.completedAt().isEmpty()) {
                throw new IllegalArgumentException("an erasure event carries a completed record");
            }
        }

        @Override
        public Instant occurredAt() {
            return record.completedAt().orElseThrow();
        }
    }

    /**
     * An inbound message was flagged for an agent's review as a revocation of consent in natural
     * language (F44, the account's {@code REVIEW} policy): the cue to show it to an agent before
     * its deadline.
     *
     * @param account the account
     * @param review the open review, with its deadline
     */
    record RevocationFlagged(AccountId account, RevocationReview review) implements InboxEvent {
        /** Checks the parts are present. */
        public RevocationFlagged {
            Objects.requireNonNull(account);
            Objects.requireNonNull(review);
        }

        @Override
        public Instant occurredAt() {
            return review.flaggedAt();
        }
    }

    /**
     * A revocation review reached its deadline undecided (F44), and the number was opted out, as
     * the rule requires; a {@link SubscriptionChanged} follows.
     *
     * @param account the account
     * @param review the review, decided {@code OPTED_OUT_AT_DEADLINE}
     */
    record RevocationReviewOverdue(AccountId account, RevocationReview review) implements InboxEvent {
        /** Checks the parts are present. */
        public RevocationReviewOverdue {
            Objects.requireNonNull(account);
            Objects.requireNonNull(review);
        }

        @Override
        public Instant occurredAt() {
            return review.resolvedAt().orElseThrow();
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
