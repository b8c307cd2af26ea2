package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * Port of one aggregate of the store: the account row and its receiving numbers (F45) (tables
 * {@code accounts}, {@code receiving_numbers} in the SQL stores). Reached through {@link
 * StoreTransaction#accounts()}; every operation is scoped to the transaction's account ({@link
 * StoreTransaction#accountId()}): every read sees only that account's rows and every write goes to
 * that account. An implementation reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface AccountRows {

    /** @return the account, if it exists */
    Optional<Account> findAccount();

    /**
     * Creates the account and its counters, all zero.
     *
     * @param account the account; its id equals {@link StoreTransaction#accountId()}
     * @throws StoreConflictException if the account exists
     */
    void insertAccount(Account account);

    /**
     * Replaces the account's name and settings.
     *
     * @param account the account; its id equals {@link StoreTransaction#accountId()}
     */
    void updateAccount(Account account);

    /**
     * The numbers this account owns: its long codes, short codes and alphanumeric sender IDs in
     * canonical form, through which webhooks are routed to it.
     *
     * @return the numbers, sorted
     */
    List<String> ownedNumbers();

    /**
     * Which account owns a number, whichever it is: the one read of a transaction that looks past
     * its own account, so that a claim can be refused with a clear error before the unique key
     * refuses it. It reveals an owner's id only to the engine, never to a user.
     *
     * @param number a number in canonical form
     * @return the owning account, empty if no account owns it
     */
    Optional<AccountId> numberOwner(String number);

    /**
     * Makes this account the owner of a number. A number belongs to at most one account of the
     * store: a unique key on the number alone guards it, so two transactions claiming it at once
     * cannot both commit.
     *
     * @param number a number in canonical form, at most 32 characters
     * @throws StoreConflictException if an account (this one included) owns it, or a concurrent
     *     transaction claimed it first
     */
    void claimNumber(String number);

    /**
     * Gives up a number this account owns; nothing happens if it does not own it.
     *
     * @param number a number in canonical form
     */
    void releaseNumber(String number);
}
