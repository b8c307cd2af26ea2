package io.github.inboxkit.core.account;

import java.util.Objects;
import java.util.Set;

/**
 * Port: which accounts' plans include which team-inbox features (F10). The host implements it from
 * its billing data; InboxKit asks it before assignment, ownership history and the typing
 * indicator, and refuses with a {@link FeatureNotInPlanException} when the answer is no.
 *
 * <p>Implementations must be thread-safe and fast (they are called on every gated operation;
 * cache if the answer is expensive).
 */
@FunctionalInterface
public interface Entitlements {

    /**
     * Tells whether an account's plan includes a feature.
     *
     * @param account the account
     * @param feature the feature
     * @return true if the account may use the feature
     */
    boolean includes(AccountId account, TeamFeature feature);

    /**
     * Entitlements that include every feature for every account.
     *
     * @return the entitlements
     */
    static Entitlements all() {
        return (account, feature) -> true;
    }

    /**
     * Entitlements that include no team feature for any account.
     *
     * @return the entitlements
     */
    static Entitlements none() {
        return (account, feature) -> false;
    }

    /**
     * Entitlements that include every feature for the given accounts only.
     *
     * @param accounts the accounts with a team plan
     * @return the entitlements
     */
    static Entitlements teamPlanFor(Set<AccountId> accounts) {
        Set<AccountId> copy = Set.copyOf(accounts);
        return (account, feature) -> copy.contains(Objects.requireNonNull(account));
    }
}
