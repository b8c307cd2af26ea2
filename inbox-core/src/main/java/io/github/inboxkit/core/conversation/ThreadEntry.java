package io.github.inboxkit.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a conversation's thread as a team member sees it: a message exchanged with the
 * contact, or a private note of the team (F36): one of exactly two records, told apart with
 * {@code instanceof}.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface ThreadEntry {

    /** @return the conversation of the entry */
    ConversationId conversationId();

    /** @return when the entry was stored, by the engine's clock */
    Instant createdAt();

    /**
     * A message of the thread.
     *
     * @param message the message
     */
    record MessageEntry(Message message) implements ThreadEntry {
        /** Checks the message is present. */
        public MessageEntry {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public ConversationId conversationId() {
            return message.conversationId();
        }

        @Override
        public Instant createdAt() {
            return message.createdAt();
        }
    }

    /**
     * A private note of the thread, never sent (F36).
     *
     * @param note the note
     */
    record NoteEntry(Note note) implements ThreadEntry {
        /** Checks the note is present. */
        public NoteEntry {
            Objects.requireNonNull(note, "note");
        }

        @Override
        public ConversationId conversationId() {
            return note.conversationId();
        }

        @Override
        public Instant createdAt() {
            return note.createdAt();
        }
    }
}
