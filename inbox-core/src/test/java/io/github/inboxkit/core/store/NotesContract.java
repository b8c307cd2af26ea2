package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.conversation.Note;
import io.github.inboxkit.core.conversation.ThreadEntry;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.text.MalformedTextException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: private notes (F36) on every store: stored with their author, never unread, never
 * moving the conversation, in thread order with the messages, found by search, mentions as events
 * after the commit, purged with their thread, and invisible to another account.
 */
public abstract class NotesContract extends StoreContractSupport {

    private Note note(ConversationId conversation, String text) {
        return kit.conversations().addNote(account, conversation, alice, text);
    }

    private static String describe(ThreadEntry entry) {
        if (entry instanceof ThreadEntry.NoteEntry note) {
            return "note:" + note.note().text() + " by " + note.note().author().value();
        }
        return "message:" + ((ThreadEntry.MessageEntry) entry).message().text();
    }

    @Test
    @DisplayName("F36 a note moves no unread count, badge, activity, preview or place in the inbox, and is no message")
    void noteMovesNothing() {
        ConversationId first = idOf(receive(phone(1), "first thread"));
        advance(Duration.ofMinutes(1));
        ConversationId second = idOf(receive(phone(2), "second thread"));
        kit.conversations().markRead(account, second);
        advance(Duration.ofMinutes(1));
        Conversation before = kit.conversations().get(account, first);
        Conversation secondBefore = kit.conversations().get(account, second);
        InboxCounters counters = kit.inbox().counters(account);

        Note note = note(first, "customer called about the refund");
        note(second, "nothing to do");

        assertThat(note.author()).isEqualTo(alice);
        assertThat(note.afterSequence()).isEqualTo(1);
        assertThat(note.createdAt()).isEqualTo(clock.instant());
        assertThat(kit.conversations().get(account, first)).isEqualTo(before);
        assertThat(kit.conversations().get(account, second)).isEqualTo(secondBefore);
        assertThat(kit.inbox().counters(account)).isEqualTo(counters);
        assertThat(kit.conversations().messages(account, first, 10)).hasSize(1);
    }

    @Test
    @DisplayName("F36 a note on a closed thread leaves it closed")
    void noteKeepsClosedThreadClosed() {
        ConversationId id = idOf(receive(phone(1), "thanks, all good"));
        kit.conversations().markRead(account, id);
        kit.conversations().close(account, id);
        InboxCounters counters = kit.inbox().counters(account);

        note(id, "closed after the refund");

        assertThat(kit.conversations().get(account, id).state()).isEqualTo(ConversationState.CLOSED);
        assertThat(kit.inbox().counters(account)).isEqualTo(counters).isEqualTo(new InboxCounters(0, 1, 0));
    }

    @Test
    @DisplayName("F36 the thread shows notes in order between the messages, with their authors")
    void threadInterleavesNotes() {
        ConversationId id = idOf(receive(phone(1), "m1"));
        advance(Duration.ofSeconds(1));
        kit.conversations().addNote(account, id, bob, "n1");
        advance(Duration.ofSeconds(1));
        send(phone(1), "m2");
        advance(Duration.ofSeconds(1));
        note(id, "n2");
        advance(Duration.ofSeconds(1));
        kit.conversations().addNote(account, id, bob, "n3");
        advance(Duration.ofSeconds(1));
        receive(phone(1), "m3");

        assertThat(kit.conversations().thread(account, id, 500)).extracting(NotesContract::describe)
                .containsExactly("message:m1", "note:n1 by bob", "message:m2", "note:n2 by alice", "note:n3 by bob",
                        "message:m3");
        assertThat(kit.conversations().thread(account, id, 3)).extracting(NotesContract::describe)
                .containsExactly("note:n2 by alice", "note:n3 by bob", "message:m3");
        assertThat(kit.conversations().thread(account, id, 4)).extracting(NotesContract::describe)
                .containsExactly("message:m2", "note:n2 by alice", "note:n3 by bob", "message:m3");
    }

    @Test
    @DisplayName("F36 a note in a thread with no message yet comes first")
    void noteBeforeAnyMessage() {
        Conversation empty = kit.conversations().startOrResume(account, phone(7));
        Note note = note(empty.id(), "expect a call from this number");
        receive(phone(7), "hi");

        assertThat(note.afterSequence()).isZero();
        assertThat(kit.conversations().thread(account, empty.id(), 10)).extracting(NotesContract::describe)
                .containsExactly("note:expect a call from this number by alice", "message:hi");
    }

    @Test
    @DisplayName("F36 F15 in-thread search finds notes and messages, ignoring case")
    void searchFindsNotes() {
        ConversationId id = idOf(receive(phone(1), "my order REF-42 is late"));
        advance(Duration.ofSeconds(1));
        note(id, "Ref-42 was shipped on Monday");
        note(id, "unrelated");
        ConversationId other = idOf(receive(phone(2), "hello"));
        note(other, "ref-42 in another thread");

        assertThat(kit.conversations().searchThread(account, id, "ref-42")).extracting(NotesContract::describe)
                .containsExactly("note:Ref-42 was shipped on Monday by alice", "message:my order REF-42 is late");
        assertThat(kit.conversations().searchThread(account, id, "100%")).isEmpty();
        assertThat(kit.conversations().search(account, id, "ref-42")).hasSize(1);
    }

    @Test
    @DisplayName("F36 each @initials mention raises one event for that user after the commit; unknown initials are ignored")
    void mentionsNotify() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        events.clear();

        Note note = kit.conversations().addNote(account, id, bob,
                "@am can you call back? cc @b, not @ZZ nor me@b.com, again @AM");

        assertThat(note.mentions()).containsExactlyInAnyOrder(alice, bob);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isEqualTo(new InboxEvent.NoteAdded(account, id, note.id(), bob, clock.instant()));
        assertThat(eventsOf(InboxEvent.NoteMentioned.class)).extracting(InboxEvent.NoteMentioned::mentioned)
                .containsExactlyInAnyOrder(alice, bob);
        assertThat(eventsOf(InboxEvent.NoteMentioned.class)).allSatisfy(event -> {
            assertThat(event.note()).isEqualTo(note.id());
            assertThat(event.author()).isEqualTo(bob);
            assertThat(event.conversation()).isEqualTo(id);
        });
        assertThat(kit.conversations().thread(account, id, 10)).last()
                .isEqualTo(new ThreadEntry.NoteEntry(note));
    }

    @Test
    @DisplayName("F36 a refused note stores nothing and raises no event")
    void refusedNotes() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        events.clear();

        assertThatThrownBy(() -> note(id, "   ")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> note(id, "x".repeat(Note.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> note(id, "bad\u0000text")).isInstanceOfSatisfying(MalformedTextException.class,
                e -> assertThat(e.field()).isEqualTo("text"));
        assertThatThrownBy(() -> kit.conversations().addNote(account, id, UserId.of("nobody"), "@AM hello"))
                .isInstanceOf(NoSuchUserException.class);
        assertThatThrownBy(() -> note(ConversationId.random(), "lost"))
                .isInstanceOf(NoSuchConversationException.class);

        assertThat(events).isEmpty();
        assertThat(kit.conversations().thread(account, id, 10)).hasSize(1);
    }

    @Test
    @DisplayName("F36 F30 retention purges old notes, and a thread's notes with the thread")
    void retentionPurgesNotes() {
        ConversationId old = idOf(receive(phone(1), "old thread"));
        note(old, "old note");
        ConversationId kept = idOf(receive(phone(2), "kept thread"));
        note(kept, "old note in a thread that lives on");
        advance(AccountSettings.DEFAULT_RETENTION_WINDOW.plusDays(1));
        receive(phone(2), "recent message");
        note(kept, "recent note");

        kit.retention().purgeExpired(account);

        assertThatThrownBy(() -> kit.conversations().get(account, old)).isInstanceOf(NoSuchConversationException.class);
        assertThat(kit.conversations().thread(account, kept, 10)).extracting(NotesContract::describe)
                .containsExactly("message:recent message", "note:recent note by alice");
        List<Note> left = store.inTransaction(account, tx -> tx.notes().listNotes(old, 0, START.minusSeconds(1), 10));
        assertThat(left).isEmpty();
        List<Note> keptNotes = store.inTransaction(account, tx -> tx.notes().listNotes(kept, 0, START.minusSeconds(1), 10));
        assertThat(keptNotes).extracting(Note::text).containsExactly("recent note");
    }

    @Test
    @DisplayName("F36 another account can neither read, search nor write the notes of a conversation it does not own")
    void tenancy() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        note(id, "private to account A");
        AccountId other = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        kit.administration().addUser(other, alice, "Alice Martin");
        ConversationId theirs = idOf(receive(other, phone(1), "same number, other account", "carrier-other-" + id));

        assertThatThrownBy(() -> kit.conversations().addNote(other, id, alice, "intrusion"))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().thread(other, id, 10))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().searchThread(other, id, "private"))
                .isInstanceOf(NoSuchConversationException.class);
        assertThat(kit.conversations().thread(other, theirs, 10)).extracting(NotesContract::describe)
                .containsExactly("message:same number, other account");
        List<Note> seen = store.inTransaction(other, tx -> tx.notes().listNotes(id, 0, START.minusSeconds(1), 10));
        int deleted = store.inTransaction(other, tx -> tx.notes().deleteNotes(id));
        assertThat(seen).isEmpty();
        assertThat(deleted).isZero();
        assertThat(kit.conversations().thread(account, id, 10)).hasSize(2);
    }
}
