package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.StoreContractSupport;
import io.github.inboxkit.core.store.TransactionalPageReader;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which pages the engine reads in one read of a store's inbox page read model, and which in one
 * transaction: only a page that places conversations by a walk's snapshot needs the transaction.
 */
class InboxPagesTest extends StoreContractSupport {

    private TransactionalPageReader counting;

    @Override
    protected InboxStore newStore() {
        counting = new TransactionalPageReader(InMemoryInboxStore.create());
        return counting;
    }

    @Test
    @DisplayName("F1 F11 a first page is one read of the store's page read model, with no transaction")
    void firstPage() {
        receive(phone(1), "hello");
        int transactions = counting.transactions();

        InboxPage page = kit.inbox().list(account, InboxQuery.openTab());

        assertThat(page.rows()).hasSize(1);
        assertThat(page.counters().openConversations()).isEqualTo(1);
        assertThat(counting.pageReads()).isEqualTo(1);
        assertThat(counting.transactions()).isEqualTo(transactions);
    }

    @Test
    @DisplayName("F1 the next page of a walk with a snapshot is one transaction, which places the conversations active since")
    void nextPageOfAWalk() {
        List<ConversationId> ids = threeConversations();
        InboxPage first = kit.inbox().list(account, InboxQuery.builder().limit(2).build());
        assertThat(first.next()).hasValueSatisfying(cursor -> assertThat(cursor.snapshot()).isPresent());
        int transactions = counting.transactions();

        InboxPage second = kit.inbox().list(account, InboxQuery.builder().limit(2).after(first.next()).build());

        assertThat(second.rows()).extracting(InboxRow::conversationId).containsExactly(ids.get(0));
        assertThat(counting.pageReads()).isEqualTo(1);
        assertThat(counting.transactions()).isEqualTo(transactions + 1);
    }

    @Test
    @DisplayName("F1 a page after a cursor without a snapshot is one read, and its next cursor has none either")
    void pageAfterAPlainCursor() {
        List<ConversationId> ids = threeConversations();
        InboxRow newest = kit.inbox().list(account, InboxQuery.openTab()).rows().get(0);
        int transactions = counting.transactions();

        InboxPage page = kit.inbox().list(account, InboxQuery.builder().limit(1)
                .after(new InboxCursor(newest.lastActivityAt(), newest.conversationId())).build());

        assertThat(page.rows()).extracting(InboxRow::conversationId).containsExactly(ids.get(1));
        assertThat(page.next()).hasValueSatisfying(cursor -> {
            assertThat(cursor.conversationId()).isEqualTo(ids.get(1));
            assertThat(cursor.snapshot()).isEmpty();
        });
        assertThat(counting.transactions()).isEqualTo(transactions);
    }

    @Test
    @DisplayName("F1 a first page of a missing account is refused with NoSuchAccountException")
    void missingAccount() {
        AccountId missing = AccountId.of("acct-missing");

        assertThatThrownBy(() -> kit.inbox().list(missing, InboxQuery.openTab()))
                .isInstanceOfSatisfying(NoSuchAccountException.class,
                        e -> assertThat(e.id()).isEqualTo(missing));
    }

    /** Three conversations, oldest first, a minute apart. */
    private List<ConversationId> threeConversations() {
        ConversationId oldest = idOf(receive(phone(1), "one"));
        advance(Duration.ofMinutes(1));
        ConversationId middle = idOf(receive(phone(2), "two"));
        advance(Duration.ofMinutes(1));
        ConversationId newest = idOf(receive(phone(3), "three"));
        return List.of(oldest, middle, newest);
    }
}
