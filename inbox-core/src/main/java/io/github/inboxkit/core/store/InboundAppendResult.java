package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.inbox.InboxCounters;
import java.util.Objects;

/**
 * What {@link InboundAppending#appendInbound} did: found a repeated delivery, appended the
 * message, or left everything as it was for the engine's general path. Immutable and thread-safe.
 */
public sealed interface InboundAppendResult {

    /**
     * The carrier message id was stored before: nothing changed (architecture invariant 4).
     *
     * @param message the message stored first with that carrier id
     * @param conversation its conversation, as it is now
     */
    record Duplicate(Message message, Conversation conversation) implements InboundAppendResult {

        /** Checks the parts are present. */
        public Duplicate {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /**
     * The message was stored, its thread started or resumed and the counters moved.
     *
     * @param message the message as stored: in its thread, at the thread's next sequence
     * @param conversation the thread after the message
     * @param started whether the thread was started for this message
     * @param counters the account's counters after the message: as this transaction leaves them
     *     when the message moved them; when it moved none (a reply to a thread that already had
     *     unread messages), as the store read them during the transaction, without waiting for
     *     concurrent receives that may commit a change in between (each reports its own)
     */
    record Appended(Message message, Conversation conversation, boolean started, InboxCounters counters)
            implements InboundAppendResult {

        /** Checks the parts are present. */
        public Appended {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(counters, "counters");
        }
    }

    /**
     * Nothing was written: the engine appends the message by its general rules, in the same
     * transaction. So it is for a closed thread (its reopening), a stale one (it starts afresh),
     * and for a store that appends this way only on some databases. The transaction may hold the
     * lock of the number's thread.
     */
    record NotApplied() implements InboundAppendResult {}

    /** @return the result that leaves the message to the engine's general path */
    static InboundAppendResult notApplied() {
        return new NotApplied();
    }
}
