package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import io.github.inboxkit.core.store.InboxStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Builders of domain values and a store-level "receive" use case for the JDBC store's own tests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123456Z");

    private StoreFixtures() {}

    static AccountId newAccount(InboxStore store) {
        AccountId id = AccountId.of("acct-" + UUID.randomUUID());
        store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(Account.builder().id(id).name("Clinic " + id.value().substring(5, 9))
                    .settings(AccountSettings.defaults()).createdAt(T0).build());
            return null;
        });
        return id;
    }

    static Conversation conversation(PhoneNumber phone, Instant lastActivity) {
        return Conversation.builder()
                .id(ConversationId.random())
                .contactPhone(phone)
                .state(ConversationState.OPEN)
                .unreadCount(0)
                .lastActivityAt(lastActivity)
                .lastMessagePreview("")
                .lastMessageSequence(0)
                .createdAt(lastActivity)
                .build();
    }

    static Message inbound(Conversation conversation, long sequence, String text, String carrierId, Instant at) {
        return Message.builder()
                .id(MessageId.random())
                .conversationId(conversation.id())
                .sequence(sequence)
                .contactPhone(conversation.contactPhone())
                .direction(Direction.INBOUND)
                .text(text)
                .carrierMessageId(Optional.ofNullable(carrierId))
                .status(MessageStatus.RECEIVED)
                .read(false)
                .createdAt(at)
                .build();
    }

    static PhoneNumber phone(int n) {
        return new PhoneNumber("+3361234" + String.format("%04d", n));
    }

    /**
     * What the engine's ingestion does to the store, reduced to the store's part: find or create the
     * contact's thread, append the message, move the counters; a repeated carrier id is a no-op.
     */
    static Message receive(StoreTransaction tx, PhoneNumber from, String text, String carrierId, Instant at) {
        Optional<Message> existing = tx.messages().findMessageByCarrierId(carrierId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Conversation conversation = tx.conversations().lockConversationByPhone(from).orElseGet(() -> {
            Conversation created = conversation(from, at);
            tx.conversations().insertConversation(created);
            tx.counters().adjustCounters(1, 0, 0);
            return created;
        });
        Message message = inbound(conversation, conversation.lastMessageSequence() + 1, text, carrierId, at);
        tx.messages().insertMessage(message);
        tx.conversations().updateConversation(Conversation.builder().from(conversation)
                .unreadCount(conversation.unreadCount() + 1)
                .lastActivityAt(at)
                .lastMessagePreview(text.length() > 160 ? text.substring(0, 160) : text)
                .lastMessageSequence(message.sequence())
                .build());
        if (conversation.unreadCount() == 0) {
            tx.counters().adjustCounters(0, 0, 1);
        }
        return message;
    }
}
