package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Note;
import io.github.inboxkit.core.conversation.NoteId;
import io.github.inboxkit.core.store.NoteRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL {@link NoteRows}: table {@code notes} (F36). */
final class JdbiNoteRows extends JdbiRows implements NoteRows {

    private static final String COLUMNS =
            "note_id, conversation_id, after_sequence, author_id, body, mentions, created_at";

    /** Thread order, the SQL twin of the in-memory store's. */
    private static final String THREAD_ORDER = "after_sequence, created_at, note_id";

    private static final RowMapper<Note> NOTE = (rs, ctx) -> Note.builder()
            .id(new NoteId(rs.getObject("note_id", UUID.class)))
            .conversationId(new ConversationId(rs.getObject("conversation_id", UUID.class)))
            .afterSequence(rs.getLong("after_sequence"))
            .author(UserId.of(rs.getString("author_id")))
            .text(rs.getString("body"))
            .mentions(mentions(rs.getString("mentions")))
            .createdAt(instant(rs, "created_at"))
            .build();

    JdbiNoteRows(JdbiStoreTransaction tx) {
        super(tx);
    }

    @Override
    public void insertNote(Note note) {
        run("insert note", () -> handle()
                .createUpdate("INSERT INTO notes (account_id, " + COLUMNS + ", body_lower) VALUES (:account, :id,"
                        + " :conversation, :after, :author, :body, :mentions, :createdAt, :bodyLower)")
                .bind("account", account)
                .bind("id", note.id().value())
                .bind("conversation", note.conversationId().value())
                .bind("after", note.afterSequence())
                .bind("author", note.author().value())
                .bind("body", note.text())
                .bind("bodyLower", searchable(note.text()))
                .bind("mentions", Json.write(note.mentions().stream().map(UserId::value).toList()))
                .bind("createdAt", time(note.createdAt()))
                .execute());
    }

    @Override
    public List<Note> listNotes(ConversationId conversation, long fromSequence, Instant since, int limit) {
        List<Note> newestFirst = run("list notes", () -> handle()
                .createQuery("SELECT " + COLUMNS + " FROM notes WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND after_sequence >= :from AND created_at >= :since"
                        + " ORDER BY after_sequence DESC, created_at DESC, note_id DESC LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("from", fromSequence)
                .bind("since", time(since))
                .bind("limit", limit)
                .map(NOTE)
                .list());
        List<Note> ordered = new ArrayList<>(newestFirst);
        Collections.reverse(ordered);
        return ordered;
    }

    @Override
    public List<Note> searchNotes(ConversationId conversation, String lowerCaseText, Instant since, int limit) {
        return run("search notes", () -> handle()
                .createQuery("SELECT " + COLUMNS + " FROM notes WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND created_at >= :since"
                        + " AND body_lower LIKE :pattern ESCAPE '!'"
                        + " ORDER BY after_sequence DESC, created_at DESC, note_id DESC LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("since", time(since))
                .bind("pattern", LikePatterns.containing(lowerCaseText))
                .bind("limit", limit)
                .map(NOTE)
                .list());
    }

    @Override
    public int deleteNotes(ConversationId conversation) {
        return run("delete notes", () -> handle()
                .createUpdate("DELETE FROM notes WHERE account_id = :account AND conversation_id = :conversation")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    @Override
    public int deleteNotesCreatedBefore(Instant createdBefore, int limit) {
        return run("delete old notes", () -> handle()
                .createUpdate("DELETE FROM notes WHERE account_id = :account AND note_id IN (SELECT n.note_id"
                        + " FROM notes n WHERE n.account_id = :account AND n.created_at < :cutoff"
                        + " ORDER BY n.created_at LIMIT :limit)")
                .bind("account", account)
                .bind("cutoff", time(createdBefore))
                .bind("limit", limit)
                .execute());
    }

    private static List<UserId> mentions(String json) {
        Object parsed = Json.parse(json);
        if (!(parsed instanceof List<?> ids)) {
            throw new IllegalStateException("a note's mentions are not a JSON array");
        }
        return ids.stream().map(id -> UserId.of((String) id)).toList();
    }
}
