package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.inbox.ReadFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: listing the inbox (F1, F2, F5, F7, F8, F9 rows) with keyset pagination. */
public abstract class InboxListingContract extends StoreContractSupport {

    private List<InboxRow> list(InboxQuery query) {
        return kit.inbox().list(account, query).rows();
    }

    private List<ConversationId> ids(InboxQuery query) {
        return list(query).stream().map(InboxRow::conversationId).toList();
    }

    private static io.github.inboxkit.core.inbox.ImmutableInboxQuery.Builder query() {
        return InboxQuery.builder();
    }

    @Test
    @DisplayName("F1 F2 the open tab lists conversations newest activity first, with what a row shows")
    void rows() {
        ConversationId first = idOf(receive(phone(1), "first"));
        advance(Duration.ofMinutes(1));
        ConversationId second = idOf(receive(phone(2), "second"));
        advance(Duration.ofMinutes(1));
        send(phone(1), "reply to first");
        kit.contacts().create(account, phone(2), ContactDetails.builder().firstName("Zoé").lastName("Durand").build());
        kit.team().assign(account, second, alice, bob);

        List<InboxRow> rows = list(InboxQuery.openTab());

        assertThat(rows).extracting(InboxRow::conversationId).containsExactly(first, second);
        InboxRow top = rows.get(0);
        assertThat(top.displayName()).isEqualTo(phone(1));
        assertThat(top.preview()).isEqualTo("reply to first");
        assertThat(top.lastActivityAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(top.unreadCount()).isEqualTo(1);
        assertThat(top.assigneeInitials()).isEmpty();
        assertThat(top.state()).isEqualTo(ConversationState.OPEN);
        InboxRow named = rows.get(1);
        assertThat(named.displayName()).isEqualTo("Zoé Durand");
        assertThat(named.assignee()).contains(alice);
        assertThat(named.assigneeInitials()).contains("AM");
    }

    @Test
    @DisplayName("F2 each tab lists only its conversations")
    void tabs() {
        ConversationId open = idOf(receive(phone(1), "a"));
        ConversationId closed = idOf(receive(phone(2), "b"));
        kit.conversations().close(account, closed);

        assertThat(ids(InboxQuery.openTab())).containsExactly(open);
        assertThat(ids(query().tab(ConversationState.CLOSED).build())).containsExactly(closed);
    }

    @Test
    @DisplayName("F1 conversations without activity in the account's window are not listed")
    void window() {
        AccountId shortWindow = newAccount(AccountSettings.builder().retentionWindow(Duration.ofDays(7)).build());
        ConversationId old = idOf(receive(shortWindow, phone(1), "old", "w1"));
        advance(Duration.ofDays(8));
        ConversationId recent = idOf(receive(shortWindow, phone(2), "recent", "w2"));

        assertThat(kit.inbox().list(shortWindow, InboxQuery.openTab()).rows())
                .extracting(InboxRow::conversationId).containsExactly(recent).doesNotContain(old);
        assertThat(ids(InboxQuery.openTab())).isEmpty();
    }

    @Test
    @DisplayName("F5 the assignment filter lists all, unassigned, or one user's conversations")
    void assignmentFilter() {
        ConversationId mine = idOf(receive(phone(1), "a"));
        ConversationId bobs = idOf(receive(phone(2), "b"));
        ConversationId nobodys = idOf(receive(phone(3), "c"));
        kit.team().assign(account, mine, alice, alice);
        kit.team().assign(account, bobs, bob, alice);

        assertThat(ids(query().assignment(AssignmentFilter.all()).build())).containsExactlyInAnyOrder(mine, bobs, nobodys);
        assertThat(ids(query().assignment(AssignmentFilter.unassigned()).build())).containsExactly(nobodys);
        assertThat(ids(query().assignment(AssignmentFilter.assignedTo(alice)).build())).containsExactly(mine);
    }

    @Test
    @DisplayName("F7 the read filter lists unread-only or all")
    void readFilter() {
        ConversationId unread = idOf(receive(phone(1), "a"));
        ConversationId read = idOf(receive(phone(2), "b"));
        kit.conversations().markRead(account, read);

        assertThat(ids(query().readFilter(ReadFilter.UNREAD).build())).containsExactly(unread);
        assertThat(ids(query().readFilter(ReadFilter.ALL).build())).containsExactlyInAnyOrder(unread, read);
    }

    @Test
    @DisplayName("F8 search finds conversations by contact name, ignoring case")
    void searchByName() {
        ConversationId zoe = idOf(receive(phone(1), "hello"));
        receive(phone(2), "hello");
        kit.contacts().createFromConversation(account, zoe,
                ContactDetails.builder().firstName("Zoé").lastName("Durand").build());

        assertThat(ids(query().search("durand").build())).containsExactly(zoe);
        assertThat(ids(query().search("zoé dur").build())).containsExactly(zoe);
    }

    @Test
    @DisplayName("F8 search finds conversations by full or partial number in any common formatting")
    void searchByNumber() {
        ConversationId target = idOf(receive("+33 6 12 34 56 78", "hello"));
        receive("+33 6 99 99 99 99", "hello");

        assertThat(ids(query().search("+33612345678").build())).containsExactly(target);
        assertThat(ids(query().search("06 12 34").build())).containsExactly(target);
        assertThat(ids(query().search("(0)6-12.34.56").build())).containsExactly(target);
        assertThat(ids(query().search("5678").build())).containsExactly(target);
        assertThat(ids(query().search("0033 6 12").build())).containsExactly(target);
    }

    @Test
    @DisplayName("F8 search finds conversations by a keyword in message bodies; input is data, not a pattern")
    void searchByBody() {
        ConversationId invoice = idOf(receive(phone(1), "Where is my INVOICE?"));
        ConversationId percent = idOf(receive(phone(2), "100% satisfied"));
        receive(phone(3), "nothing to see");

        assertThat(ids(query().search("invoice").build())).containsExactly(invoice);
        assertThat(ids(query().search("100%").build())).containsExactly(percent);
        assertThat(ids(query().search("%").build())).containsExactly(percent);
        assertThat(ids(query().search("_").build())).isEmpty();
        assertThat(ids(query().search("' OR 1=1 --").build())).isEmpty();
    }

    @Test
    @DisplayName("F8 search combines with tab, assignment and read filters")
    void searchCombines() {
        ConversationId a = idOf(receive(phone(1), "refund please"));
        ConversationId b = idOf(receive(phone(2), "refund now"));
        kit.conversations().close(account, b);

        assertThat(ids(query().search("refund").build())).containsExactly(a);
        assertThat(ids(query().search("refund").tab(ConversationState.CLOSED).build())).containsExactly(b);
    }

    @Test
    @DisplayName("F1 keyset pagination walks every conversation once, newest first")
    void pagination() {
        List<ConversationId> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(0, idOf(receive(phone(i), "m" + i)));
            advance(Duration.ofSeconds(1));
        }
        List<ConversationId> walked = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        int pages = 0;
        do {
            InboxPage page = kit.inbox().list(account, query().limit(3).after(after).build());
            page.rows().forEach(row -> walked.add(row.conversationId()));
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    @DisplayName("F1 pagination with equal activity times orders by id and neither skips nor repeats")
    void paginationWithTies() {
        List<ConversationId> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(idOf(receive(phone(i), "same instant")));
        }
        List<ConversationId> walked = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        do {
            InboxPage page = kit.inbox().list(account, query().limit(4).after(after).build());
            page.rows().forEach(row -> walked.add(row.conversationId()));
            after = page.next().map(cursor -> InboxCursor.parse(cursor.token()));
        } while (after.isPresent());

        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(walked).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    @DisplayName("F1 a new message during pagination does not make later pages skip or repeat")
    void paginationStableUnderNewMessages() {
        List<ConversationId> olderToNewer = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            olderToNewer.add(idOf(receive(phone(i), "m" + i)));
            advance(Duration.ofSeconds(1));
        }
        InboxPage first = kit.inbox().list(account, query().limit(3).build());
        receive(phone(5), "the newest conversation gets another message");
        receive(phone(100), "a brand new conversation");
        InboxPage second = kit.inbox().list(account, query().limit(3).after(first.next()).build());

        assertThat(second.rows()).extracting(InboxRow::conversationId)
                .containsExactly(olderToNewer.get(2), olderToNewer.get(1), olderToNewer.get(0));
        assertThat(second.next()).isEmpty();
    }

    @Test
    @DisplayName("F1 a message on a conversation not yet listed does not make it jump above the cursor and be skipped")
    void paginationKeepsAConversationThatBecomesActive() {
        List<ConversationId> olderToNewer = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            olderToNewer.add(idOf(receive(phone(i), "m" + i)));
            advance(Duration.ofSeconds(1));
        }
        List<ConversationId> walked = new ArrayList<>();
        InboxPage first = kit.inbox().list(account, query().limit(3).build());
        first.rows().forEach(row -> walked.add(row.conversationId()));
        advance(Duration.ofSeconds(1));
        receive(phone(1), "the second oldest, not listed yet, becomes the most active");
        advance(Duration.ofSeconds(1));
        receive(phone(1), "and again");
        receive(phone(4), "a listed one becomes active too");
        Optional<InboxCursor> after = first.next().map(cursor -> InboxCursor.parse(cursor.token()));
        while (after.isPresent()) {
            InboxPage page = kit.inbox().list(account, query().limit(3).after(after).build());
            page.rows().forEach(row -> walked.add(row.conversationId()));
            after = page.next();
        }

        List<ConversationId> newerToOlder = new ArrayList<>(olderToNewer);
        java.util.Collections.reverse(newerToOlder);
        assertThat(walked).containsExactlyElementsOf(newerToOlder);
    }

    @Test
    @DisplayName("F1 a conversation that becomes active on the cursor's boundary page is shown exactly once")
    void paginationAcrossSeveralPagesWithActivity() {
        List<ConversationId> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(idOf(receive(phone(i), "m" + i)));
            advance(Duration.ofSeconds(1));
        }
        List<ConversationId> walked = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        int round = 0;
        do {
            InboxPage page = kit.inbox().list(account, query().limit(2).after(after).build());
            page.rows().forEach(row -> walked.add(row.conversationId()));
            after = page.next();
            advance(Duration.ofSeconds(1));
            receive(phone(round), "activity on conversation " + round);
            receive(phone(9 - round), "activity on conversation " + (9 - round));
            round++;
        } while (after.isPresent());

        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    @DisplayName("F1 F8 a search walked while a matching conversation becomes active neither skips nor repeats it")
    void searchPaginationKeepsAConversationThatBecomesActive() {
        List<ConversationId> matching = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            matching.add(0, idOf(receive(phone(i), "refund " + i)));
            receive(phone(50 + i), "unrelated " + i);
            advance(Duration.ofSeconds(1));
        }
        List<ConversationId> walked = new ArrayList<>();
        InboxPage first = kit.inbox().list(account, query().search("refund").limit(2).build());
        first.rows().forEach(row -> walked.add(row.conversationId()));
        advance(Duration.ofSeconds(1));
        receive(phone(0), "still waiting");
        Optional<InboxCursor> after = first.next();
        while (after.isPresent()) {
            InboxPage page = kit.inbox().list(account, query().search("refund").limit(2).after(after).build());
            page.rows().forEach(row -> walked.add(row.conversationId()));
            after = page.next();
        }

        assertThat(walked).containsExactlyElementsOf(matching);
    }

    @Test
    @DisplayName("F11 a page carries the counters: tab counts and the badge")
    void pageCounters() {
        receive(phone(1), "a");
        ConversationId closed = idOf(receive(phone(2), "b"));
        kit.conversations().markRead(account, closed);
        kit.conversations().close(account, closed);

        InboxPage page = kit.inbox().list(account, InboxQuery.openTab());
        assertThat(page.counters().openConversations()).isEqualTo(1);
        assertThat(page.counters().closedConversations()).isEqualTo(1);
        assertThat(page.counters().badge()).isEqualTo(1);
    }
}
