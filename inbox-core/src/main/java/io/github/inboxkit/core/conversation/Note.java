package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.UserId;
import java.time.Instant;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A private note (F36): text a team member wrote in a conversation for the team. It is never sent
 * to the contact, never counts as unread and never moves the conversation in the inbox; it appears
 * in the thread ({@link Conversations#thread}) after the message that was the thread's last when it
 * was written, with its author.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Note {

    /** Longest text of a note, in characters. */
    int MAX_TEXT_LENGTH = 4000;

    /** @return the note's id */
    NoteId id();

    /** @return the conversation it was written in */
    ConversationId conversationId();

    /**
     * The sequence of the thread's last message when the note was written (0 in a thread with no
     * message yet): the note is shown after that message and before the next one.
     *
     * @return the sequence it follows
     */
    long afterSequence();

    /** @return the team member who wrote it */
    UserId author();

    /** @return its text, as written */
    String text();

    /**
     * The team members its {@code @initials} mentions named when it was written (each received a
     * {@link io.github.inboxkit.core.event.InboxEvent.NoteMentioned} event); mentions of initials no
     * team member has are ignored.
     *
     * @return the users mentioned
     */
    Set<UserId> mentions();

    /** @return when it was written, by the engine's clock */
    Instant createdAt();

    /** @return a builder */
    static ImmutableNote.Builder builder() {
        return ImmutableNote.builder();
    }

    /** Checks the values. */
    @Value.Check
    default void check() {
        Require.argument(afterSequence() >= 0, "afterSequence", "must not be negative");
        Require.argument(!text().isBlank() && text().length() <= MAX_TEXT_LENGTH, "text",
                "must be 1 to " + MAX_TEXT_LENGTH + " characters, not only spaces");
    }
}
