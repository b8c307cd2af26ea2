package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;

/**
 * A sender ID (long code, short code or alphanumeric ID) given in an account's settings belongs to
 * another account of the store. A number receives for one account only, so that a carrier's
 * webhook reaches exactly one inbox (F45); nothing of the settings change was written.
 *
 * <p>The other account is not named: accounts do not learn about each other (F33). The message
 * masks the number, as logs may keep it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SenderIdTakenException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final String senderId;

    /**
     * Creates the exception.
     *
     * @param account the account whose settings named the sender ID
     * @param senderId the sender ID in canonical form (E.164, short-code digits or the upper-cased
     *     alphanumeric ID)
     * @param maskedSenderId the same, masked for the message
     */
    public SenderIdTakenException(AccountId account, String senderId, String maskedSenderId) {
        super("Sender ID " + maskedSenderId + " belongs to another account, so account " + account
                + " cannot receive on it: release it from the other account's settings first, or choose another");
        this.account = Objects.requireNonNull(account, "account");
        this.senderId = Objects.requireNonNull(senderId, "senderId");
    }

    /** @return the account whose settings named the sender ID */
    public AccountId account() {
        return account;
    }

    /** @return the sender ID in canonical form */
    public String senderId() {
        return senderId;
    }
}
