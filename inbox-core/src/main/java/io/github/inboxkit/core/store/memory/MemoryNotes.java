package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Note;
import io.github.inboxkit.core.conversation.NoteId;
import io.github.inboxkit.core.store.NoteRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The in-memory {@link NoteRows}: the private notes of the account's conversations (F36). */
final class MemoryNotes extends MemoryRows implements NoteRows {

    /** Thread order: the message a note follows, then the time it was written, then its id. */
    static final Comparator<Note> THREAD_ORDER = Comparator.comparingLong(Note::afterSequence)
            .thenComparing(Note::createdAt)
            .thenComparing(note -> note.id().value());

    static final class Tables {
        final Map<NoteId, Note> notes = new HashMap<>();
    }

    private final Tables tables;

    MemoryNotes(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }

    @Override
    public void insertNote(Note note) {
        checkOpen();
        requireState(tx.conversations().findConversation(note.conversationId()).isPresent(), "conversation");
        if (tables.notes.containsKey(note.id())) {
            throw new StoreConflictException("note id taken");
        }
        put(tables.notes, note.id(), note);
    }

    @Override
    public List<Note> listNotes(ConversationId conversation, long fromSequence, Instant since, int limit) {
        List<Note> newestFirst = of(conversation)
                .filter(note -> note.afterSequence() >= fromSequence && !note.createdAt().isBefore(since))
                .sorted(THREAD_ORDER.reversed())
                .limit(limit)
                .toList();
        return newestFirst.stream().sorted(THREAD_ORDER).toList();
    }

    @Override
    public List<Note> searchNotes(ConversationId conversation, String lowerCaseText, Instant since, int limit) {
        return of(conversation)
                .filter(note -> !note.createdAt().isBefore(since)
                        && note.text().toLowerCase(Locale.ROOT).contains(lowerCaseText))
                .sorted(THREAD_ORDER.reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public int deleteNotes(ConversationId conversation) {
        List<NoteId> ids = of(conversation).map(Note::id).toList();
        ids.forEach(id -> remove(tables.notes, id));
        return ids.size();
    }

    @Override
    public int deleteNotesCreatedBefore(Instant createdBefore, int limit) {
        checkOpen();
        List<NoteId> old = tables.notes.values().stream()
                .filter(note -> note.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(Note::createdAt))
                .limit(limit)
                .map(Note::id)
                .toList();
        old.forEach(id -> remove(tables.notes, id));
        return old.size();
    }

    private Stream<Note> of(ConversationId conversation) {
        checkOpen();
        return tables.notes.values().stream().filter(note -> note.conversationId().equals(conversation));
    }
}
