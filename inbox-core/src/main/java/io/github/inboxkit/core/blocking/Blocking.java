package io.github.inboxkit.core.blocking;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Contact blocking (F38), reached as {@code InboxKit.blocking()}.
 *
 * <p>While a number is blocked, its inbound messages create no conversation, no message, no unread
 * count and no notification, and are not delivered to the inbox: the engine keeps only the carrier's
 * message id (so that a repeat counts once), the number and the time of arrival, which make the
 * blocked log ({@link #blockedLog}); the text and media are dropped. A carrier's webhook is still
 * answered with success, so nothing is retried for ever. Sending to a blocked number is refused with
 * {@link ContactBlockedException} (a send, a scheduled send, a recorded outbound message), a
 * broadcast skips it, and the dispatcher fails a message queued before the block instead of sending
 * it. Blocking is not an opt-out: the consent records are left as they are. Unblocking restores the
 * normal behaviour for new messages only: what was turned away is not delivered later.
 *
 * <p>The blocked log keeps what arrived within the account's retention window; the retention purge
 * deletes the rest with the old messages.
 *
 * <p>Numbers are read as ingestion reads them, with the account's default region. Every method is
 * thread-safe and runs in one transaction.
 */
public interface Blocking {

    /**
     * Blocks a number; blocking a blocked number again replaces its reason, author and time. Raises
     * {@link io.github.inboxkit.core.event.InboxEvent.ContactBlocked} after the commit.
     *
     * @param account the account
     * @param number the phone number, in E.164 or national form
     * @param reason why, 1 to {@value Block#MAX_REASON_LENGTH} characters
     * @param by the team member blocking it
     * @return the block
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if the number cannot be read
     * @throws io.github.inboxkit.core.InvalidValueException if the reason is blank or too long
     *     (field {@code "reason"})
     * @throws io.github.inboxkit.core.text.MalformedTextException if the reason holds the NUL
     *     character or an unpaired surrogate
     * @throws io.github.inboxkit.core.account.NoSuchUserException if {@code by} is not a user of the
     *     account
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    Block block(AccountId account, String number, String reason, UserId by);

    /**
     * Unblocks a number: its new inbound messages reach the inbox again and it may be sent to (if it
     * has not opted out). Raises {@link io.github.inboxkit.core.event.InboxEvent.ContactUnblocked}
     * after the commit when it was blocked.
     *
     * @param account the account
     * @param number the phone number
     * @param by the team member unblocking it
     * @return whether it was blocked
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if the number cannot be read
     * @throws io.github.inboxkit.core.account.NoSuchUserException if {@code by} is not a user of the
     *     account
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    boolean unblock(AccountId account, String number, UserId by);

    /**
     * Finds the block of a number.
     *
     * @param account the account
     * @param number the phone number
     * @return its block, or empty when it is not blocked
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if the number cannot be read
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    Optional<Block> find(AccountId account, String number);

    /**
     * Lists the account's blocked numbers.
     *
     * @param account the account
     * @return the blocks, most recent first
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    List<Block> blocks(AccountId account);

    /**
     * Reads the blocked log: per number, how many inbound messages were turned away while it was
     * blocked and when, within the retention window. A number stays in the log after it is
     * unblocked, until its entries age out.
     *
     * @param account the account
     * @return one entry per number, the most recently seen first
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    List<BlockedLogEntry> blockedLog(AccountId account);
}
