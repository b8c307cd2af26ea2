package io.github.inboxkit.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
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

    @Test
    @DisplayName("F12 events are delivered after the account's lock is released: a listener may run use cases of that account")
    void listenerNotCalledUnderTheAccountLock() {
        InMemoryInboxStore store = InMemoryInboxStore.create();
        java.util.List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
        InboxKit[] self = new InboxKit[1];
        AccountId account = AccountId.of("a");
        self[0] = InboxKit.builder().store(store).eventListener(event -> {
            delivered.incrementAndGet();
            try {
                // the store refuses a transaction nested in one of the same thread: this would
                // throw if the engine published while its transaction (and the lock) was open
                self[0].inbox().counters(account);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }).build();
        self[0].administration().createAccount(account, "A", AccountSettings.builder().defaultRegion("FR").build());
        self[0].administration().addUser(account, io.github.inboxkit.core.account.UserId.of("u"), "U");

        var received = self[0].ingestion().receive(account, io.github.inboxkit.core.conversation.IncomingMessage.builder()
                .carrierMessageId("c-1").contactNumber("+33612345678").accountNumber("+33700000001").text("STOP").build());
        self[0].conversations().markRead(account, received.conversation().id());
        self[0].conversations().close(account, received.conversation().id());
        self[0].team().assign(account, received.conversation().id(),
                io.github.inboxkit.core.account.UserId.of("u"), io.github.inboxkit.core.account.UserId.of("u"));

        assertThat(delivered.get()).isGreaterThanOrEqualTo(5);
        assertThat(failures).isEmpty();
    }
}
