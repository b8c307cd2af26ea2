package io.github.inboxkit.core.label;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.account.AccountId;
import java.util.Objects;

/**
 * No label of the account has this id: it was deleted, or never existed. A label of another account
 * behaves exactly as a missing one (F33). Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchLabelException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final LabelId label;

    /**
     * Creates the exception.
     *
     * @param account the account
     * @param label the id looked for
     */
    public NoSuchLabelException(AccountId account, LabelId label) {
        super("No label with id " + label + " in account " + account
                + ": it was deleted or never existed; list the account's labels for the current ones");
        this.account = Objects.requireNonNull(account, "account");
        this.label = Objects.requireNonNull(label, "label");
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the id looked for */
    public LabelId label() {
        return label;
    }
}
