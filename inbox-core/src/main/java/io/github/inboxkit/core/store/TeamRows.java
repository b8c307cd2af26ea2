package io.github.inboxkit.core.store;

import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port of one aggregate of the store: the account's users (table {@code users} in the SQL stores).
 * Reached through {@link StoreTransaction#team()}; every operation is scoped to the transaction's
 * account ({@link StoreTransaction#accountId()}): every read sees only that account's rows and
 * every write goes to that account. An implementation reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface TeamRows {

    /**
     * @param id a user id
     * @return the user of this account with that id
     */
    Optional<User> findUser(UserId id);

    /**
     * Finds several users at once: an inbox page names the assignees of its rows.
     *
     * <p>The default calls {@link #findUser} once per distinct id; a SQL store reads them in one
     * statement.
     *
     * @param ids user ids; an id given twice is read once
     * @return the users of this account with those ids; ids without a user are absent
     */
    default Map<UserId, User> findUsers(Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        for (UserId id : new LinkedHashSet<>(ids)) {
            findUser(id).ifPresent(user -> found.put(id, user));
        }
        return found;
    }

    /** @return the users of the account, ordered by id */
    List<User> listUsers();

    /**
     * Adds a user.
     *
     * @param user the user
     * @throws StoreConflictException if the account has a user with that id
     */
    void insertUser(User user);

    /**
     * Replaces a user's attributes.
     *
     * @param user the user
     */
    void updateUser(User user);
}
