package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Note;
import java.time.Instant;
import java.util.List;

/**
 * The store's port for private notes (F36), the aggregate of the {@code notes} table: one row per
 * note, in its conversation. A note is not a message: nothing here moves a counter, a conversation's
 * activity or its sequence of messages. Notes go with their conversation: a store deletes them when
 * it deletes the conversation (a foreign key with {@code ON DELETE CASCADE} in SQL), and the
 * retention purge deletes the old ones through {@link #deleteNotesCreatedBefore}.
 *
 * <p>Used only inside its transaction, by one thread.
 */
public interface NoteRows {

    /**
     * Stores a new note.
     *
     * @param note the note; its conversation exists in the account
     */
    void insertNote(Note note);

    /**
     * Lists a conversation's notes in thread order: by the sequence they follow, then by the time
     * they were written, then by id.
     *
     * @param conversation the conversation
     * @param fromSequence the least {@link Note#afterSequence()} to list
     * @param since the oldest creation time to list (the retention window's start)
     * @param limit the most notes, the newest kept when there are more
     * @return the notes, oldest first
     */
    List<Note> listNotes(ConversationId conversation, long fromSequence, Instant since, int limit);

    /**
     * Searches a conversation's notes by text, ignoring case.
     *
     * @param conversation the conversation
     * @param lowerCaseText what to look for, lower-cased with {@code Locale.ROOT}, matched as plain text
     * @param since the oldest creation time to search
     * @param limit the most notes
     * @return the matching notes, newest first
     */
    List<Note> searchNotes(ConversationId conversation, String lowerCaseText, Instant since, int limit);

    /**
     * Deletes every note of a conversation, before the conversation itself is deleted.
     *
     * @param conversation the conversation
     * @return how many notes were deleted
     */
    int deleteNotes(ConversationId conversation);

    /**
     * Deletes the oldest notes written before a time (the retention purge).
     *
     * @param createdBefore the cutoff
     * @param limit the most notes to delete
     * @return how many notes were deleted
     */
    int deleteNotesCreatedBefore(Instant createdBefore, int limit);
}
