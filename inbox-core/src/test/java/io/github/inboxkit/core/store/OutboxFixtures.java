package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

/** The rows the outbox contracts write as the engine does: an account, a thread, a queued message. */
final class OutboxFixtures {

    private OutboxFixtures() {}

    /** Creates an account with a random id starting with {@code prefix} and default settings. */
    static AccountId newAccount(InboxStore store, String prefix, String name, Instant createdAt) {
        AccountId id = AccountId.of(prefix + UUID.randomUUID());
        store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(Account.builder().id(id).name(name).settings(AccountSettings.defaults())
                    .createdAt(createdAt).build());
            return null;
        });
        return id;
    }

    /** Creates an open thread with a number, counted in the account's counters. */
    static ConversationId newConversation(InboxStore store, AccountId in, PhoneNumber phone, Instant createdAt) {
        ConversationId id = ConversationId.random();
        store.inTransaction(in, tx -> {
            tx.conversations().insertConversation(Conversation.builder().id(id).contactPhone(phone).state(ConversationState.OPEN)
                    .unreadCount(0).lastActivityAt(createdAt).lastMessagePreview("").lastMessageSequence(0)
                    .createdAt(createdAt).build());
            tx.counters().adjustCounters(1, 0, 0);
            return null;
        });
        return id;
    }

    /**
     * Inserts an outbound message and its outbox entry in one transaction, as the pipeline does: the
     * entry is made from the new message's id and the thread's number; the message takes its status.
     */
    static OutboxEntry queue(InboxStore store, AccountId in, ConversationId thread, Instant createdAt,
            BiFunction<MessageId, PhoneNumber, OutboxEntry> entry) {
        MessageId id = MessageId.random();
        return store.inTransaction(in, tx -> {
            Conversation c = tx.conversations().lockConversation(thread).orElseThrow();
            long sequence = c.lastMessageSequence() + 1;
            tx.conversations().updateConversation(Conversation.builder().from(c).lastMessageSequence(sequence).build());
            OutboxEntry built = entry.apply(id, c.contactPhone());
            tx.messages().insertMessage(Message.builder().id(id).conversationId(thread).sequence(sequence)
                    .contactPhone(c.contactPhone()).direction(Direction.OUTBOUND).text("hello")
                    .status(built.status()).read(true).createdAt(createdAt).build());
            tx.outbox().insertOutboxEntry(built);
            return built;
        });
    }
}
