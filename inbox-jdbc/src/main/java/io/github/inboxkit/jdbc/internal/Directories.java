package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.JdbiRows.instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The node's copies of accounts' directories: the saved contacts and the users of an account, what
 * an inbox page shows beside each conversation, kept with the {@code directory_version} of the
 * account they were read at (migration V20). Every transaction that writes a contact or a user
 * raises that version before it commits ({@link JdbiStoreTransaction#beforeCommit}), so a copy is
 * current exactly while the version a page reads, in the page's own statement, is the copy's: the
 * page is then read without a look-up per row. Otherwise the page is read again, looking each
 * row's contact and assignee up, so that a page never shows a directory other than its snapshot's.
 *
 * <p>A copy is read only once the account's directory has held still across two pages (the same
 * version read twice in a row), so that an import or a burst of edits does not read the whole
 * directory again and again; and only for an account of at most {@link #ACCOUNT_LIMIT} contacts
 * and as many users. The copies are bounded in all by the number of contacts and users they hold
 * ({@code maximumEntries}); the least used are dropped first, and one no page read for {@link
 * #IDLE_EXPIRY} too. A transaction of this node that writes the directory drops the account's copy
 * after it ends (so that an erased contact does not stay in memory); other nodes drop theirs on
 * their next page of the account.
 *
 * <p>Thread-safe.
 */
final class Directories {

    /** The most contacts (and, apart, users) of an account whose directory a node copies. */
    static final int ACCOUNT_LIMIT = 10_000;

    /** How long a copy no page has read stays in memory. */
    static final java.time.Duration IDLE_EXPIRY = java.time.Duration.ofMinutes(10);

    /** The version a page passes when it has no copy to check: no version is negative. */
    static final long NO_COPY = -1;

    /** How long a node leaves an account found too large before it counts its directory again. */
    static final long LARGE_RETRY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    /**
     * What the node knows of an account's directory.
     *
     * @param version the directory version this was read or seen at
     * @param contacts the saved contacts by E.164 number; null if not copied
     * @param users the users by id; null if not copied
     * @param largeSince when the account was found to have more than {@link #ACCOUNT_LIMIT}
     *     contacts or users ({@link System#nanoTime()}), or null
     */
    record Directory(long version, Map<String, Contact> contacts, Map<String, User> users, Long largeSince) {

        /** @return whether this holds the whole directory at its version, not only the version seen */
        boolean copied() {
            return contacts != null;
        }

        /** @return the version a page is checked against, {@link #NO_COPY} without a copy */
        long checkedVersion() {
            return copied() ? version : NO_COPY;
        }

        int weight() {
            return 1 + (copied() ? contacts.size() + users.size() : 0);
        }
    }

    private final Cache<String, Directory> copies;
    private final int accountLimit;

    /**
     * @param maximumEntries the most contacts and users held in all (each account counts one more);
     *     zero keeps no copy, and every page looks its rows' contacts and assignees up
     */
    Directories(long maximumEntries) {
        this(maximumEntries, ACCOUNT_LIMIT);
    }

    /**
     * @param maximumEntries the most contacts and users held in all; zero keeps no copy
     * @param accountLimit the most contacts (and, apart, users) of an account that is copied
     */
    Directories(long maximumEntries, int accountLimit) {
        this.accountLimit = accountLimit;
        this.copies = maximumEntries == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maximumEntries)
                .<String, Directory>weigher((account, directory) -> directory.weight())
                .expireAfterAccess(IDLE_EXPIRY)
                // evictions on the caller's thread: a copy's memory is freed before its page returns
                .executor(Runnable::run)
                .build();
    }

    /**
     * Drops what the node knows of an account's directory: after a transaction of this node wrote
     * it, so that an erased contact does not stay in memory until the account's next page.
     *
     * @param account the account's id
     */
    void forget(String account) {
        if (copies != null) {
            copies.invalidate(account);
        }
    }

    /**
     * @param account the account's id
     * @return what the node knows of the account's directory, if anything
     */
    Optional<Directory> known(String account) {
        return copies == null ? Optional.empty() : Optional.ofNullable(copies.getIfPresent(account));
    }

    /**
     * Notes the version a page read: a copy at another version is dropped; a version read twice in a
     * row (the directory held still between two pages) is copied, on the page's connection, after
     * the page.
     *
     * @param connection the page's connection, in autocommit
     * @param account the account's id
     * @param known what the node knew when the page was read
     * @param version the version the page read
     */
    void seen(Connection connection, String account, Optional<Directory> known, long version) {
        if (copies == null || known.map(Directory::checkedVersion).orElse(NO_COPY) == version) {
            return;
        }
        Directory before = known.orElse(null);
        if (before != null && before.largeSince() != null
                && System.nanoTime() - before.largeSince() < LARGE_RETRY_NANOS) {
            return; // pages of a large account look their rows up
        }
        Directory next = new Directory(version, null, null, null);
        if (before != null && !before.copied() && before.version() == version) {
            next = read(connection, account);
        }
        Directory replacement = next;
        // unless another page of this node got there first with a newer version
        copies.asMap().compute(account, (key, current) ->
                current == null || current == before || current.version() < replacement.version()
                        ? replacement : current);
    }

    /**
     * Reads an account's directory in one statement (one snapshot, its version with it).
     *
     * @return the copy, or a note that the account has more than the limit of contacts or users
     */
    private Directory read(Connection connection, String account) {
        Map<String, Contact> contacts = new HashMap<>();
        Map<String, User> users = new HashMap<>();
        long version = NO_COPY;
        try (PreparedStatement statement = connection.prepareStatement(DIRECTORY)) {
            statement.setString(1, account);
            statement.setInt(2, accountLimit + 1);
            statement.setString(3, account);
            statement.setInt(4, accountLimit + 1);
            statement.setString(5, account);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    version = rs.getLong(1);
                    String kind = rs.getString(2);
                    if ("C".equals(kind)) {
                        String phone = rs.getString(3);
                        contacts.put(phone, JdbiContactRows.contactAt(rs, new PhoneNumber(phone), 4));
                    } else if ("U".equals(kind)) {
                        UserId id = UserId.of(rs.getString(3));
                        users.put(id.value(), User.builder()
                                .id(id)
                                .displayName(rs.getString(5))
                                .createdAt(instant(rs, 8))
                                .build());
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read an account's contacts and users", e);
        }
        if (version == NO_COPY) {
            return new Directory(NO_COPY, null, null, null); // the account is gone
        }
        if (contacts.size() > accountLimit || users.size() > accountLimit) {
            return new Directory(version, null, null, System.nanoTime());
        }
        return new Directory(version, Map.copyOf(contacts), Map.copyOf(users), null);
    }

    /**
     * The account's version with its contacts and its users, each at most one beyond the limit (to
     * know that it is passed); the account row alone if it has neither.
     */
    private static final String DIRECTORY = "SELECT a.directory_version, d.kind, d.k, d.contact_id, d.first_name,"
            + " d.last_name, d.custom_fields, d.created_at, d.updated_at"
            + " FROM accounts a LEFT JOIN ("
            + "(SELECT 'C' AS kind, phone_e164 AS k, contact_id, first_name, last_name, custom_fields, created_at,"
            + " updated_at FROM contacts WHERE account_id = ? LIMIT ?)"
            + " UNION ALL"
            + " (SELECT 'U', user_id, CAST(NULL AS uuid), display_name, CAST(NULL AS varchar(1)),"
            + " CAST(NULL AS varchar(1)), created_at, CAST(NULL AS timestamp with time zone)"
            + " FROM users WHERE account_id = ? LIMIT ?)) d ON TRUE"
            + " WHERE a.account_id = ?";
}
