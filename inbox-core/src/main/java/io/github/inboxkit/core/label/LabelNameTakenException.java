package io.github.inboxkit.core.label;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.account.AccountId;
import java.util.Objects;

/**
 * Another label of the account already has this name, compared regardless of case ({@link
 * Label#nameKeyOf}): {@code "vip"} is taken by {@code "VIP"}. Nothing was written.
 *
 * <p>Immutable and thread-safe.
 */
public final class LabelNameTakenException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final String name;
    private final LabelId existing;

    /**
     * Creates the exception.
     *
     * @param account the account
     * @param name the name asked for, normalised
     * @param existing the label that has it
     */
    public LabelNameTakenException(AccountId account, String name, LabelId existing) {
        super("Account " + account + " already has a label named \"" + name + "\" (label " + existing
                + ", names compare regardless of case): choose another name, or use that label");
        this.account = Objects.requireNonNull(account, "account");
        this.name = Objects.requireNonNull(name, "name");
        this.existing = Objects.requireNonNull(existing, "existing");
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the name asked for, normalised */
    public String name() {
        return name;
    }

    /** @return the label that already has the name */
    public LabelId existing() {
        return existing;
    }
}
