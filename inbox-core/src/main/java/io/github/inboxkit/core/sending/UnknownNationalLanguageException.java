package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.text.NationalLanguage;
import java.util.Arrays;
import java.util.List;

/**
 * The account's settings enable a national language shift table InboxKit does not know, so its
 * texts cannot be counted for sending (F25). Nothing was stored; correct the account's
 * {@code nationalLanguageTables} to names of {@link NationalLanguage}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnknownNationalLanguageException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * Creates the exception.
     *
     * @param name the table name the settings give
     */
    public UnknownNationalLanguageException(String name) {
        super("The account enables national language table '" + name + "', which InboxKit does not know; use one of "
                + Arrays.toString(NationalLanguage.values()));
        this.name = name;
    }

    /** @return the table name the settings give */
    public String name() {
        return name;
    }

    /** @return the names InboxKit knows, e.g. {@code TURKISH} */
    public List<String> knownNames() {
        return Arrays.stream(NationalLanguage.values()).map(Enum::name).toList();
    }
}
