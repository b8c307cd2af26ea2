package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.TeamRows;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The account's users on the SQL schema: the statements of {@code users} only, every one filtered by the
 * transaction's account, which leads every key and index (architecture invariant 6), so that an id
 * of another account reads as a missing row. One of the ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiTeamRows extends JdbiRows implements TeamRows {

    private final JdbiStoreTransaction tx;

    JdbiTeamRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    // ----- users ------------------------------------------------------------------------------

    private static final RowMapper<User> USER = (rs, ctx) -> User.builder()
            .id(UserId.of(rs.getString("user_id")))
            .displayName(rs.getString("display_name"))
            .createdAt(instant(rs, "created_at"))
            .build();

    @Override
    public Optional<User> findUser(UserId id) {
        return run("find user", () -> handle()
                .createQuery("SELECT user_id, display_name, created_at FROM users"
                        + " WHERE account_id = :account AND user_id = :user")
                .bind("account", account)
                .bind("user", id.value())
                .map(USER)
                .findOne());
    }

    @Override
    public Map<UserId, User> findUsers(Collection<UserId> ids) {
        return readByKeys("find users", "SELECT user_id, display_name, created_at FROM users"
                + " WHERE account_id = :account AND user_id IN (<keys>)", ids, UserId::value, USER, User::id);
    }

    @Override
    public List<User> listUsers() {
        return run("list users", () -> handle()
                .createQuery("SELECT user_id, display_name, created_at FROM users"
                        + " WHERE account_id = :account ORDER BY user_id")
                .bind("account", account)
                .map(USER)
                .list());
    }

    @Override
    public void insertUser(User user) {
        tx.markDirectoryWritten();
        run("insert user", () -> handle()
                .createUpdate("INSERT INTO users (account_id, user_id, display_name, created_at)"
                        + " VALUES (:account, :user, :name, :createdAt)")
                .bind("account", account)
                .bind("user", user.id().value())
                .bind("name", user.displayName())
                .bind("createdAt", time(user.createdAt()))
                .execute());
    }

    @Override
    public void updateUser(User user) {
        tx.markDirectoryWritten();
        run("update user", () -> handle()
                .createUpdate("UPDATE users SET display_name = :name, created_at = :createdAt"
                        + " WHERE account_id = :account AND user_id = :user")
                .bind("account", account)
                .bind("user", user.id().value())
                .bind("name", user.displayName())
                .bind("createdAt", time(user.createdAt()))
                .execute());
    }
}
