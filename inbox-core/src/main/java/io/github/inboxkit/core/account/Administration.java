package io.github.inboxkit.core.account;

import java.util.List;

/**
 * Use cases of the administrator of a host: create and configure accounts and their users.
 *
 * <p>Thread-safe.
 */
public interface Administration {

    /**
     * Creates an account.
     *
     * @param account the id the host chose
     * @param name the account's name
     * @param settings its settings
     * @return the account
     * @throws AccountAlreadyExistsException if the id is taken
     * @throws SenderIdTakenException if a sender ID or pool number of the settings belongs to
     *     another account (F45); the account is not created
     * @throws io.github.inboxkit.core.phone.InvalidSenderIdException if a sender ID cannot be read
     * @throws io.github.inboxkit.core.text.MalformedTextException if the name or a text of the settings
     *     (keyword, sender ID, pool name, template name or body) holds the NUL character or an unpaired
     *     surrogate
     */
    Account createAccount(AccountId account, String name, AccountSettings settings);

    /**
     * Reads an account.
     *
     * @param account the account
     * @return the account
     * @throws NoSuchAccountException if it does not exist
     */
    Account account(AccountId account);

    /**
     * Replaces an account's settings. The account then receives on exactly the numbers its sender
     * IDs and pools list (F45): numbers it no longer lists are released for other accounts, and
     * numbers of an account created before InboxKit kept receiving numbers are claimed by calling
     * this with the unchanged settings.
     *
     * @param account the account
     * @param settings the new settings
     * @return the account
     * @throws NoSuchAccountException if it does not exist
     * @throws SenderIdTakenException if a sender ID or pool number of the settings belongs to
     *     another account; nothing changes
     * @throws io.github.inboxkit.core.phone.InvalidSenderIdException if a sender ID cannot be read
     * @throws io.github.inboxkit.core.text.MalformedTextException if a text of the settings holds the
     *     NUL character or an unpaired surrogate
     */
    Account updateSettings(AccountId account, AccountSettings settings);

    /**
     * Adds a team member.
     *
     * @param account the account
     * @param user the id the host chose, unique within the account
     * @param displayName the name shown, from which the initials derive
     * @return the user
     * @throws UserAlreadyExistsException if the account has a user with that id
     * @throws NoSuchAccountException if the account does not exist
     * @throws io.github.inboxkit.core.text.MalformedTextException if the display name holds the NUL
     *     character or an unpaired surrogate
     */
    User addUser(AccountId account, UserId user, String displayName);

    /**
     * Changes a user's display name.
     *
     * @param account the account
     * @param user the user
     * @param displayName the new name
     * @return the user
     * @throws NoSuchUserException if the account has no such user
     * @throws io.github.inboxkit.core.text.MalformedTextException if the display name holds the NUL
     *     character or an unpaired surrogate
     */
    User renameUser(AccountId account, UserId user, String displayName);

    /**
     * Reads a user.
     *
     * @param account the account
     * @param user the user
     * @return the user
     * @throws NoSuchUserException if the account has no such user
     */
    User user(AccountId account, UserId user);

    /**
     * Lists the account's users.
     *
     * @param account the account
     * @return the users, by id
     * @throws NoSuchAccountException if the account does not exist
     */
    List<User> users(AccountId account);
}
