package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.AccountRows;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The account row and its receiving numbers (F45) on the SQL schema: the statements of {@code
 * accounts} and {@code receiving_numbers} only, every one filtered by the transaction's account,
 * which leads every key and index (architecture invariant 6), so that an id of another account
 * reads as a missing row. One of the ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiAccountRows extends JdbiRows implements AccountRows {

    private final JdbiStoreTransaction tx;

    JdbiAccountRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    @Override
    public Optional<Account> findAccount() {
        if (!tx.accountWritten()) {
            Optional<Account> cached = tx.accountCache.get(tx.accountId());
            if (cached.isPresent()) {
                return cached;
            }
        }
        Optional<Account> found = run("find account", () -> handle()
                .createQuery("SELECT name, settings, created_at FROM accounts WHERE account_id = :account")
                .bind("account", account)
                .map((RowMapper<Account>) (rs, ctx) -> Account.builder()
                        .id(tx.accountId())
                        .name(rs.getString("name"))
                        .settings(Codecs.readSettings(rs.getString("settings")))
                        .createdAt(instant(rs, "created_at"))
                        .build())
                .findOne());
        if (!tx.accountWritten()) {
            found.ifPresent(value -> tx.accountCache.put(tx.accountId(), value));
        }
        return found;
    }

    @Override
    public void insertAccount(Account value) {
        requireOwnAccount(value.id());
        tx.markAccountWritten();
        run("insert account", () -> handle()
                .createUpdate("INSERT INTO accounts (account_id, name, settings, created_at)"
                        + " VALUES (:account, :name, :settings, :createdAt)")
                .bind("account", account)
                .bind("name", value.name())
                .bind("settings", Codecs.writeSettings(value.settings()))
                .bind("createdAt", time(value.createdAt()))
                .execute());
        // its counters, all zero: the counters' table, written by their rows
        tx.counters().insertZeroCounters();
    }

    @Override
    public void updateAccount(Account value) {
        requireOwnAccount(value.id());
        tx.markAccountWritten();
        run("update account", () -> handle()
                .createUpdate("UPDATE accounts SET name = :name, settings = :settings WHERE account_id = :account")
                .bind("account", account)
                .bind("name", value.name())
                .bind("settings", Codecs.writeSettings(value.settings()))
                .execute());
    }

    @Override
    public List<String> ownedNumbers() {
        return run("list receiving numbers", () -> handle()
                .createQuery("SELECT number FROM receiving_numbers WHERE account_id = :account ORDER BY number")
                .bind("account", account)
                .mapTo(String.class)
                .list());
    }

    @Override
    public Optional<AccountId> numberOwner(String number) {
        return run("find the owner of a receiving number", () -> JdbiInboxStore.numberOwner(handle(), number));
    }

    @Override
    public void claimNumber(String number) {
        // the primary key on the number alone refuses a second owner, also one whose insert is not
        // committed yet: PostgreSQL makes this insert wait for it, then fails it (23505, a conflict)
        run("claim a receiving number", () -> handle()
                .createUpdate("INSERT INTO receiving_numbers (number, account_id) VALUES (:number, :account)")
                .bind("number", number)
                .bind("account", account)
                .execute());
    }

    @Override
    public void releaseNumber(String number) {
        run("release a receiving number", () -> handle()
                .createUpdate("DELETE FROM receiving_numbers WHERE number = :number AND account_id = :account")
                .bind("number", number)
                .bind("account", account)
                .execute());
    }

    /**
     * Raises the account's directory version (migration V20): called once, just before the commit,
     * by a transaction that wrote a contact or a user, so that every node's copy of the account's
     * contacts and users reads as outdated to the next page ({@link Directories}).
     */
    void raiseDirectoryVersion() {
        run("raise the directory version", () -> handle()
                .createUpdate("UPDATE accounts SET directory_version = directory_version + 1"
                        + " WHERE account_id = :account")
                .bind("account", account)
                .execute());
    }

    private void requireOwnAccount(AccountId id) {
        if (!tx.accountId().equals(id)) {
            throw new IllegalArgumentException("the account's id must be the transaction's account");
        }
    }
}
