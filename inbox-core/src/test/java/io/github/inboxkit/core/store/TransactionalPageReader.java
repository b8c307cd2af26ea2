package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A store whose inbox page read model is made of its own transaction's calls: the reference of
 * what {@link InboxPageReader} must return, for stores that have no read model of their own (the
 * in-memory store), so that the engine's one-read path runs the contracts there too. Forwards every
 * other call; counts the transactions and page reads it serves. Thread-safe if the store it wraps is.
 */
public class TransactionalPageReader extends ForwardingInboxStore implements InboxPageReader {

    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger pageReads = new AtomicInteger();

    /**
     * @param delegate the store every call goes to
     */
    public TransactionalPageReader(InboxStore delegate) {
        super(delegate);
    }

    @Override
    public <T> T inTransaction(AccountId account, TransactionWork<T> work) {
        transactions.incrementAndGet();
        return delegate.inTransaction(account, work);
    }

    @Override
    public Optional<InboxPageRead> readInboxPage(AccountId account, Function<Account, ConversationListing> listingFor) {
        pageReads.incrementAndGet();
        return delegate.inTransaction(account, tx -> tx.accounts().findAccount().map(found -> {
            var conversations = tx.conversations().listConversations(listingFor.apply(found));
            return InboxPageRead.builder()
                    .conversations(conversations)
                    .contacts(tx.contacts().findContactsByPhone(conversations.stream().map(Conversation::contactPhone).toList()))
                    .assignees(tx.team().findUsers(conversations.stream().flatMap(c -> c.assignee().stream()).toList()))
                    .counters(tx.counters().counters())
                    .build();
        }));
    }

    /** @return how many transactions the engine ran through {@link #inTransaction} */
    public int transactions() {
        return transactions.get();
    }

    /** @return how many pages the engine read through {@link #readInboxPage} */
    public int pageReads() {
        return pageReads.get();
    }
}
