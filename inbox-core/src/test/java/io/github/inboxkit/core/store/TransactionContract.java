package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountAlreadyExistsException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the unit of work (architecture invariants 1, 2, 4, 6, 7) at the level of the store port and
 * through the engine, with faults injected by a decorator around the store under test.
 */
public abstract class TransactionContract extends StoreContractSupport {

    private Conversation conversation(ConversationId id, int phoneIndex) {
        return Conversation.builder().id(id).contactPhone(phoneNumber(phoneIndex)).state(ConversationState.OPEN)
                .unreadCount(0).lastActivityAt(START).lastMessagePreview("").lastMessageSequence(0)
                .createdAt(START).build();
    }

    private Message inbound(ConversationId conversation, long sequence, int phoneIndex, String carrierId) {
        return Message.builder().id(MessageId.random()).conversationId(conversation).sequence(sequence)
                .contactPhone(phoneNumber(phoneIndex)).direction(Direction.INBOUND).text("x")
                .carrierMessageId(carrierId).status(MessageStatus.RECEIVED).read(false).createdAt(START).build();
    }

    @Test
    @DisplayName("F33 store: work that throws leaves no trace of anything it wrote")
    void rollback() {
        ConversationId id = ConversationId.random();
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation(id, 1));
            tx.messages().insertMessage(inbound(id, 1, 1, "rolled-back"));
            tx.counters().adjustCounters(1, 0, 1);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        store.inTransaction(account, tx -> {
            assertThat(tx.conversations().findConversation(id)).isEmpty();
            assertThat(tx.conversations().lockConversationByPhone(phoneNumber(1))).isEmpty();
            assertThat(tx.messages().findMessageByCarrierId("rolled-back")).isEmpty();
            assertThat(tx.counters().counters().openConversations()).isZero();
            return null;
        });
    }

    @Test
    @DisplayName("F32 store: unique keys taken are signalled with StoreConflictException")
    void uniqueKeys() {
        ConversationId id = ConversationId.random();
        store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation(id, 1));
            tx.messages().insertMessage(inbound(id, 1, 1, "dup"));
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation(ConversationId.random(), 1));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.messages().insertMessage(inbound(id, 2, 1, "dup"));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.messages().insertMessage(inbound(id, 1, 1, "other"));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        Contact contact = Contact.builder().id(ContactId.random()).phone(phoneNumber(1)).createdAt(START).updatedAt(START).build();
        store.inTransaction(account, tx -> {
            tx.contacts().insertContact(contact);
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.contacts().insertContact(Contact.builder().from(contact).id(ContactId.random()).build());
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.accounts().insertAccount(Account.builder().id(account).name("again").settings(AccountSettings.defaults())
                    .createdAt(START).build());
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    @DisplayName("F33 store: a transaction reads and writes only its own account's rows")
    void storeScoping() {
        AccountId other = newAccount(AccountSettings.defaults());
        ConversationId id = ConversationId.random();
        store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation(id, 1));
            tx.messages().insertMessage(inbound(id, 1, 1, "scoped"));
            return null;
        });
        store.inTransaction(other, tx -> {
            assertThat(tx.accountId()).isEqualTo(other);
            assertThat(tx.conversations().findConversation(id)).isEmpty();
            assertThat(tx.conversations().lockConversation(id)).isEmpty();
            assertThat(tx.conversations().lockConversationByPhone(phoneNumber(1))).isEmpty();
            assertThat(tx.messages().findMessageByCarrierId("scoped")).isEmpty();
            assertThat(tx.messages().listMessages(id, Long.MAX_VALUE, Instant.EPOCH, 10)).isEmpty();
            assertThat(tx.team().findUser(alice)).isEmpty();
            // the same phone and carrier id are free in another account
            tx.conversations().insertConversation(conversation(ConversationId.random(), 1));
            return null;
        });
    }

    @Test
    @DisplayName("F32 a use case that hits a store conflict runs again and commits once, with one set of events")
    void conflictIsRetried() {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        InboxKit flaky = kitOn(failing("insertMessage", (method, args) -> failuresLeft.getAndDecrement() > 0
                ? new StoreConflictException("injected conflict") : null));

        ReceivedMessage received = flaky.ingestion().receive(account, io.github.inboxkit.core.conversation.IncomingMessage
                .builder().carrierMessageId("retry-1").contactNumber(phone(1)).accountNumber("+33700000001").text("hello").build());

        assertThat(failuresLeft.get()).isNegative();
        assertThat(kit.conversations().messages(account, received.conversation().id(), 10)).hasSize(1);
        assertThat(kit.inbox().counters(account).openConversations()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(1);
    }

    @Test
    @DisplayName("F12 a use case that fails midway leaves nothing and publishes no event")
    void failureMidwayLeavesNothing() {
        InboxKit broken = kitOn(failing("adjustCounters", (method, args) -> new StoreException("disk full")));

        assertThatThrownBy(() -> broken.ingestion().receive(account, io.github.inboxkit.core.conversation.IncomingMessage
                .builder().carrierMessageId("lost-1").contactNumber(phone(1)).accountNumber("+33700000001").text("hello").build()))
                .isInstanceOf(StoreException.class);

        assertThat(events).isEmpty();
        assertThat(kit.conversations().findByPhone(account, phone(1))).isEmpty();
        assertThat(kit.inbox().list(account, InboxQuery.openTab()).rows()).isEmpty();
        assertThat(badge()).isZero();
        // the carrier retries the webhook: it is not a duplicate, since nothing was stored
        assertThat(receive(account, phone(1), "hello", "lost-1").duplicate()).isFalse();
    }

    @Test
    @DisplayName("F12 a failing event listener never undoes the committed change")
    void failingListener() {
        InboxKit loud = InboxKit.builder().store(store).clock(clock)
                .eventListener(event -> {
                    throw new IllegalStateException("listener bug");
                }).build();

        ReceivedMessage received = loud.ingestion().receive(account, io.github.inboxkit.core.conversation.IncomingMessage
                .builder().carrierMessageId("l-1").contactNumber(phone(1)).accountNumber("+33700000001").text("hello").build());

        assertThat(kit.conversations().get(account, received.conversation().id()).unreadCount()).isEqualTo(1);
        assertThat(badge()).isEqualTo(1);
    }

    @Test
    @DisplayName("F33 creating an existing account is refused with a typed error")
    void accountExists() {
        assertThatThrownBy(() -> kit.administration().createAccount(account, "again", AccountSettings.defaults()))
                .isInstanceOf(AccountAlreadyExistsException.class);
        assertThat(kit.administration().account(account).name()).isEqualTo("Test account");
    }

    private InboxKit kitOn(InboxStore decorated) {
        return InboxKit.builder().store(decorated).clock(clock).eventListener(events::add).build();
    }

    /**
     * Decorates the store under test: before the named operation runs, {@code fault} may return an
     * exception to throw instead.
     */
    private InboxStore failing(String operation, BiFunction<String, Object[], RuntimeException> fault) {
        InboxStore real = store;
        return new ForwardingInboxStore(real) {
            @Override
            public <T> T inTransaction(AccountId accountId, TransactionWork<T> work) {
                return real.inTransaction(accountId, tx -> work.run(faulty(StoreTransaction.class, tx, operation, fault)));
            }
        };
    }

    /**
     * A proxy of a transaction or of one of its ports that runs {@code fault} before the named
     * operation, and hands out the ports of a transaction proxied the same way.
     */
    private static <P> P faulty(Class<P> type, P target, String operation,
            BiFunction<String, Object[], RuntimeException> fault) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals(operation)) {
                        RuntimeException injected = fault.apply(operation, args);
                        if (injected != null) {
                            throw injected;
                        }
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    Class<?> returned = method.getReturnType();
                    if (returned.isInterface() && returned.getPackage().equals(StoreTransaction.class.getPackage())
                            && returned.getSimpleName().endsWith("Rows")) {
                        return faulty(uncheckedCast(returned), result, operation, fault);
                    }
                    return result;
                }));
    }

    @SuppressWarnings("unchecked")
    private static <P> Class<P> uncheckedCast(Class<?> type) {
        return (Class<P>) type;
    }

    @Test
    @DisplayName("F12 a listener that reads the store inside onEvent sees the committed change")
    void listenerSeesCommittedChange() {
        java.util.List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        InboxKit[] self = new InboxKit[1];
        self[0] = InboxKit.builder().store(store).clock(clock).eventListener(event -> {
            try {
                if (event instanceof InboxEvent.MessageReceived received) {
                    seen.add(self[0].conversations().get(received.account(), received.conversation()).unreadCount());
                    seen.add(self[0].conversations().messages(received.account(), received.conversation(), 10).size());
                    seen.add(self[0].inbox().counters(received.account()).badge());
                } else if (event instanceof InboxEvent.ConversationClosed closed) {
                    seen.add(self[0].conversations().get(closed.account(), closed.conversation()).state());
                }
            } catch (RuntimeException e) {
                seen.add(e);
            }
        }).build();

        ReceivedMessage received = self[0].ingestion().receive(account, io.github.inboxkit.core.conversation.IncomingMessage
                .builder().carrierMessageId("seen-1").contactNumber(phone(1)).accountNumber("+33700000001").text("hello").build());
        self[0].conversations().close(account, received.conversation().id());

        assertThat(seen).containsExactly(1, 1, 1L, ConversationState.CLOSED);
    }
}
