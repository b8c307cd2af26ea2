package io.github.inboxkit.core.retention;

import io.github.inboxkit.core.account.Account;
import java.util.function.Function;

/**
 * The tunable settings of the retention purge, as {@code InboxKit.builder().retentionOptions(...)}
 * offers them. Not thread-safe; each setter refuses a bad value at once with an {@link
 * io.github.inboxkit.core.InvalidValueException} naming it.
 */
public interface RetentionOptions {

    /**
     * Sets the messages per purge transaction.
     *
     * @param size 1 to 10,000; default 1,000
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if out of range (field {@code "purgeBatchSize"})
     */
    RetentionOptions purgeBatchSize(int size);

    /**
     * Sets each account's retention policy.
     *
     * @param policies from an account to its policy; default the account settings' window,
     *     keeping opt-out records and ownership history
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if null (field {@code "retentionPolicies"})
     */
    RetentionOptions retentionPolicies(Function<Account, RetentionPolicy> policies);
}
