package io.github.inboxkit.core.template;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.account.AccountId;
import java.util.Objects;

/**
 * The account has no saved template of this name (F23).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchTemplateException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final String templateName;

    /**
     * Creates the exception.
     *
     * @param account the account whose templates were searched
     * @param templateName the name asked for
     */
    public NoSuchTemplateException(AccountId account, String templateName) {
        super("The account has no template named '" + templateName + "'; save it in the account settings first");
        this.account = Objects.requireNonNull(account, "account");
        this.templateName = Objects.requireNonNull(templateName, "templateName");
    }

    /** @return the account whose templates were searched */
    public AccountId account() {
        return account;
    }

    /** @return the template name asked for */
    public String templateName() {
        return templateName;
    }
}
