package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxException;

/**
 * The account's plan does not include a team-inbox feature (F10): assignment, ownership history
 * or the typing indicator. A host typically shows an upgrade prompt.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureNotInPlanException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final AccountId account;
    private final TeamFeature feature;

    /**
     * Creates the exception.
     *
     * @param account the account
     * @param feature the feature it lacks
     */
    public FeatureNotInPlanException(AccountId account, TeamFeature feature) {
        super("The plan of account " + account + " does not include " + feature
                + "; upgrade to a team inbox plan to use it");
        this.account = account;
        this.feature = feature;
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the missing feature */
    public TeamFeature feature() {
        return feature;
    }
}
