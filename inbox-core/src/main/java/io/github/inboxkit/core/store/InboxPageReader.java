package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Optional capability of an {@link InboxStore}: reads everything an inbox page shows in one
 * consistent read, with as few round trips to the database as the store can make. It is the read
 * model of the inbox page: besides the conversations of a listing it reads, read-only, the saved
 * contacts of their numbers, the users they are assigned to and the account's counters.
 *
 * <p>The engine uses it, when the store implements it, for a page that does not place conversations
 * by a walk's snapshot (a first page, or a page after a cursor without a snapshot); it reads every
 * other page through {@link InboxStore#inTransaction}, with {@link
 * ConversationRows#listConversations}, {@link ContactRows#findContactsByPhone}, {@link
 * TeamRows#findUsers} and {@link CounterRows#counters}. A store that implements this capability
 * must return exactly what those calls would return in one transaction.
 *
 * <p>A read writes nothing, so it needs no transaction of its own: on SQL one statement in
 * autocommit sees one snapshot of the committed data. Tenancy holds as in a transaction: it reads
 * only the given account's rows (architecture invariant 6).
 *
 * <p>Implementations are thread-safe.
 */
public interface InboxPageReader {

    /**
     * Reads the account, then the page that {@code listingFor} asks for given the account (the
     * listing depends on the account's settings: its retention window), with the page's contacts,
     * assignees and the account's counters, all as of one instant.
     *
     * @param account the account whose rows are read
     * @param listingFor the listing to read, from the account; called at most once, never for a
     *     missing account
     * @return the page, or empty if the account does not exist
     * @throws StoreException if the store failed
     * @throws RuntimeException whatever {@code listingFor} threw
     */
    Optional<InboxPageRead> readInboxPage(AccountId account, Function<Account, ConversationListing> listingFor);
}
