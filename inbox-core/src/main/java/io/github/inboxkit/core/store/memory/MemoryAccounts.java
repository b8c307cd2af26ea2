package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.store.AccountRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account row and its receiving numbers (F45) in memory: {@link AccountRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryAccounts extends MemoryRows implements AccountRows {

    /**
     * The account row, and the store's receiving numbers, shared by every account. Guarded by the
     * account's lock; every write goes through the transaction's undo log.
     */
    static final class Tables {
        final AccountId id;
        Account account;
        /** The store's receiving numbers, shared by every account. */
        final ConcurrentHashMap<String, AccountId> numberOwners;

        Tables(AccountId id, ConcurrentHashMap<String, AccountId> numberOwners) {
            this.id = id;
            this.numberOwners = numberOwners;
        }

    }

    private final Tables tables;

    MemoryAccounts(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- accounts -----

    @Override
    public Optional<Account> findAccount() {
        checkOpen();
        return Optional.ofNullable(tables.account);
    }

    @Override
    public void insertAccount(Account account) {
        checkOpen();
        requireOwnAccount(account);
        if (tables.account != null) {
            throw new StoreConflictException("account exists: " + account.id());
        }
        Account previousAccount = tables.account;
        tables.account = account;
        undo(() -> tables.account = previousAccount);
        tx.counters().reset();
    }

    @Override
    public void updateAccount(Account account) {
        checkOpen();
        requireOwnAccount(account);
        requireState(tables.account != null, "account");
        Account previous = tables.account;
        tables.account = account;
        undo(() -> tables.account = previous);
    }

    private void requireOwnAccount(Account account) {
        if (!account.id().equals(tables.id)) {
            throw new IllegalArgumentException("the account must be the transaction's account");
        }
    }

    // ----- receiving numbers -----

    @Override
    public List<String> ownedNumbers() {
        checkOpen();
        return tables.numberOwners.entrySet().stream().filter(entry -> entry.getValue().equals(tables.id))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public Optional<AccountId> numberOwner(String number) {
        checkOpen();
        return Optional.ofNullable(tables.numberOwners.get(Objects.requireNonNull(number, "number")));
    }

    @Override
    public void claimNumber(String number) {
        checkOpen();
        Objects.requireNonNull(number, "number");
        if (tables.numberOwners.putIfAbsent(number, tables.id) != null) {
            throw new StoreConflictException("the receiving number is owned already");
        }
        undo(() -> tables.numberOwners.remove(number, tables.id));
    }

    @Override
    public void releaseNumber(String number) {
        checkOpen();
        if (tables.numberOwners.remove(Objects.requireNonNull(number, "number"), tables.id)) {
            undo(() -> tables.numberOwners.put(number, tables.id));
        }
    }
}
