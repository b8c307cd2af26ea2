package io.github.inboxkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchAccountException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryInboxStoreTest {

    @Test
    @DisplayName("F33 asking for accounts that do not exist leaves nothing behind in the store")
    void unknownAccountsLeaveNothing() {
        InMemoryInboxStore store = InMemoryInboxStore.create();
        InboxKit kit = InboxKit.builder().store(store).build();
        for (int i = 0; i < 100; i++) {
            AccountId unknown = AccountId.of("unknown-" + i);
            assertThatThrownBy(() -> kit.inbox().counters(unknown)).isInstanceOf(NoSuchAccountException.class);
        }
        kit.administration().createAccount(AccountId.of("known"), "Known", AccountSettings.defaults());

        assertThat(store).hasToString("InMemoryInboxStore[1 accounts]");
    }

    @Test
    @DisplayName("nested transactions are refused rather than silently breaking atomicity")
    void noNesting() {
        InMemoryInboxStore store = InMemoryInboxStore.create();
        InboxKit.builder().store(store).build().administration()
                .createAccount(AccountId.of("a"), "A", AccountSettings.defaults());
        assertThatThrownBy(() -> store.inTransaction(AccountId.of("a"),
                tx -> store.inTransaction(AccountId.of("a"), inner -> null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.inTransaction(AccountId.of("new"),
                tx -> store.inTransaction(AccountId.of("other-new"), inner -> null)))
                .isInstanceOf(IllegalStateException.class);
    }
}
