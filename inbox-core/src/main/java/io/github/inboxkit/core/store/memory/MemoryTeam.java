package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.store.StoreConflictException;
import io.github.inboxkit.core.store.TeamRows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The users of one account in memory: {@link TeamRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryTeam extends MemoryRows implements TeamRows {

    /**
     * The users by id. Guarded by the account's lock; every write goes through the transaction's
     * undo log.
     */
    static final class Tables {
        final Map<UserId, User> users = new TreeMap<>();

    }

    private final Tables tables;

    MemoryTeam(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- users -----

    @Override
    public Optional<User> findUser(UserId id) {
        checkOpen();
        return Optional.ofNullable(tables.users.get(id));
    }

    @Override
    public List<User> listUsers() {
        checkOpen();
        return List.copyOf(tables.users.values());
    }

    @Override
    public void insertUser(User user) {
        checkOpen();
        if (tables.users.containsKey(user.id())) {
            throw new StoreConflictException("user exists: " + user.id());
        }
        put(tables.users, user.id(), user);
    }

    @Override
    public void updateUser(User user) {
        checkOpen();
        requireState(tables.users.containsKey(user.id()), "user");
        put(tables.users, user.id(), user);
    }
}
